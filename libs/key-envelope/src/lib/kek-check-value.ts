import { createHmac } from 'node:crypto';
import type { Kek } from './envelope';

const LABEL = 'certhub key-encryption-key check v1';

/**
 * A key check value: 16 bytes of HMAC-SHA256 under the KEK over a fixed label, in hex. The same key always
 * gives the same value and another key a different one, so a stored value tells whether the KEK configured
 * under an id is the one that id named before, without storing anything that helps recover the key.
 */
export function kekCheckValue(kek: Kek): string {
  return createHmac('sha256', kek.key).update(LABEL).digest().subarray(0, 16).toString('hex');
}
