/** NATS' default `max_payload`: a reply larger than this is never delivered, the caller only times out. */
export const NATS_DEFAULT_MAX_PAYLOAD_BYTES = 1_048_576;

/**
 * How large the JSON of one paged request/reply answer may grow. Half of max_payload leaves room for the
 * transport's own framing and for a single entry larger than the budget (see fitReplyBudget).
 */
export const RPC_REPLY_BUDGET_BYTES = 512 * 1_024;

export interface BudgetedPage<T> {
  readonly page: readonly T[];
  /** True when candidates were left out (by count or by size): the caller must ask for the next page. */
  readonly more: boolean;
}

export interface ReplyBudget {
  /** Most entries in a page. */
  readonly limit: number;
  /** UTF-8 bytes of the reply with no entries and its longest cursor. */
  readonly emptyReplyBytes: number;
  readonly budgetBytes?: number;
}

export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

/**
 * The longest prefix of `candidates` (read one past `limit`, to know whether more follow) whose reply stays
 * within the budget, each entry measured as the JSON it becomes. The first entry is taken whatever its size:
 * a page that could be empty would leave the caller asking for the same page for ever.
 */
export function fitReplyBudget<T>(candidates: readonly T[], budget: ReplyBudget): BudgetedPage<T> {
  const budgetBytes = budget.budgetBytes ?? RPC_REPLY_BUDGET_BYTES;
  let used = budget.emptyReplyBytes;
  let taken = 0;
  for (const candidate of candidates.slice(0, budget.limit)) {
    // An entry costs its JSON plus the comma that separates it from the previous one.
    const cost = jsonBytes(candidate) + (taken > 0 ? 1 : 0);
    if (taken > 0 && used + cost > budgetBytes) break;
    used += cost;
    taken += 1;
  }
  return { page: candidates.slice(0, taken), more: candidates.length > taken };
}
