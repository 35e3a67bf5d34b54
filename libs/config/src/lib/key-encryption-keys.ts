import type { EnvReader } from './env-reader';

export interface KeyEncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

export interface KeyEncryptionKeyring {
  /** The key new envelopes are sealed with. */
  readonly active: KeyEncryptionKey;
  /** Every known key by id, so envelopes sealed with a retired key can still be opened during rotation. */
  readonly byId: ReadonlyMap<string, KeyEncryptionKey>;
}

const KEK_ID = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Reads `CERTHUB_KEKS` ("id:base64,id2:base64", each a 32-byte AES-256 key) and `CERTHUB_ACTIVE_KEK` (an id;
 * defaults to the first). The keys themselves never appear in a message.
 */
export function readKeyring(reader: EnvReader): KeyEncryptionKeyring | undefined {
  const raw = reader.string('CERTHUB_KEKS');
  const byId = new Map<string, KeyEncryptionKey>();
  for (const [index, entry] of raw.split(',').entries()) {
    if (!entry.trim()) continue;
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator).trim();
    const key = Buffer.from(entry.slice(separator + 1).trim(), 'base64');
    if (separator < 0 || !KEK_ID.test(id)) {
      reader.report(`CERTHUB_KEKS entry ${index + 1} must look like "<id>:<base64 key>" with id [A-Za-z0-9_-]{1,32}`);
    } else if (key.length !== 32) {
      reader.report(`CERTHUB_KEKS key "${id}" must decode to 32 bytes, got ${key.length}`);
    } else if (byId.has(id)) {
      reader.report(`CERTHUB_KEKS lists key "${id}" twice`);
    } else {
      byId.set(id, { id, key });
    }
  }
  if (byId.size === 0) {
    if (raw) reader.report('CERTHUB_KEKS lists no key');
    return undefined;
  }
  const activeId = reader.string('CERTHUB_ACTIVE_KEK', [...byId.keys()][0]);
  const active = byId.get(activeId);
  if (!active) {
    reader.report(`CERTHUB_ACTIVE_KEK "${activeId}" is not one of the ids in CERTHUB_KEKS`);
    return undefined;
  }
  return { active, byId };
}

/** For services that only sometimes need the keyring (the gateway, for AccessKey secrets). */
export function readOptionalKeyring(reader: EnvReader): KeyEncryptionKeyring | undefined {
  return reader.optionalString('CERTHUB_KEKS') === undefined ? undefined : readKeyring(reader);
}
