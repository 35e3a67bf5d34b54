import { CREDENTIAL_ID_MAX_LENGTH, fitReplyBudget, jsonBytes, type SealedEntry, type SealedListReply } from '@certhub/contracts';

/** The reply around the entries, with the longest id `next` can carry (credential ids; certificate ids are shorter). */
const EMPTY_REPLY_BYTES = jsonBytes({ entries: [], next: 'x'.repeat(CREDENTIAL_ID_MAX_LENGTH) });

/**
 * One page out of the entries read in id order, one past `limit`: at most `limit` entries, and no more than
 * fit the reply budget (a sealed RSA-4096 key alone is some 3 KB of base64). `next` is the id of the last
 * entry shown whenever any was left out, by count or by size; the caller sends it back as `after`.
 */
export function sealedListPage(found: readonly SealedEntry[], limit: number, budgetBytes?: number): SealedListReply {
  const { page, more } = fitReplyBudget(found, { limit, emptyReplyBytes: EMPTY_REPLY_BYTES, budgetBytes });
  const last = page[page.length - 1];
  return { entries: page, next: more && last ? last.id : null };
}
