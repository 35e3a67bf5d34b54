import { ENVELOPE_FIELDS, type EncryptedKeyEnvelope } from '@certhub/contracts';

/**
 * The compare-and-set condition of a rewrap: the stored envelope at `path` is still `expected`, field by
 * field (whole-document equality would also depend on field order). Every field takes part: were the iv or
 * tag left out, a caller could name the stored data key and ciphertext with an iv and tag of its choosing,
 * and the "unchanged" sealed value it passed validation with would overwrite the real one.
 */
export function envelopeUnchangedFilter(path: string, expected: EncryptedKeyEnvelope): Record<string, string> {
  return Object.fromEntries(ENVELOPE_FIELDS.map((field) => [`${path}.${field}`, expected[field]]));
}
