import { fitReplyBudget, jsonBytes, RPC_REPLY_BUDGET_BYTES } from './rpc-reply-budget';

const entry = (id: number, padding: number) => ({ id, text: 'x'.repeat(padding) });

describe('fitReplyBudget', () => {
  it('takes up to the limit and says whether more follow', () => {
    const candidates = [entry(1, 10), entry(2, 10), entry(3, 10)];
    expect(fitReplyBudget(candidates, { limit: 2, emptyReplyBytes: 20 })).toEqual({ page: candidates.slice(0, 2), more: true });
    expect(fitReplyBudget(candidates, { limit: 3, emptyReplyBytes: 20 })).toEqual({ page: candidates, more: false });
    expect(fitReplyBudget([], { limit: 3, emptyReplyBytes: 20 })).toEqual({ page: [], more: false });
  });

  it('stops before the entry that would take the reply over the budget', () => {
    const candidates = [entry(1, 100), entry(2, 100), entry(3, 100)];
    const one = jsonBytes(candidates[0]);
    // Room for exactly two entries and the comma between them.
    const budgetBytes = 50 + one + 1 + one;
    expect(fitReplyBudget(candidates, { limit: 10, emptyReplyBytes: 50, budgetBytes })).toEqual({ page: candidates.slice(0, 2), more: true });
    expect(fitReplyBudget(candidates, { limit: 10, emptyReplyBytes: 50, budgetBytes: budgetBytes - 1 }).page).toHaveLength(1);
  });

  it('keeps a full page of large entries under the default budget, so a reply fits in NATS max_payload', () => {
    const candidates = Array.from({ length: 1_001 }, (_, index) => entry(index, 4_000));
    const { page, more } = fitReplyBudget(candidates, { limit: 1_000, emptyReplyBytes: 200 });
    expect(more).toBe(true);
    expect(page.length).toBeLessThan(1_000);
    expect(200 + jsonBytes(page)).toBeLessThanOrEqual(RPC_REPLY_BUDGET_BYTES);
    expect(200 + jsonBytes([...page, candidates[page.length]])).toBeGreaterThan(RPC_REPLY_BUDGET_BYTES);
  });

  it('always takes the first entry, however large, so paging never stalls', () => {
    const candidates = [entry(1, 2_000), entry(2, 10)];
    expect(fitReplyBudget(candidates, { limit: 10, emptyReplyBytes: 50, budgetBytes: 100 })).toEqual({ page: [candidates[0]], more: true });
  });

  it('counts bytes, not characters', () => {
    const candidates = [{ text: 'é'.repeat(40) }, { text: 'é'.repeat(40) }];
    // 40 characters but 80 bytes each: two do not fit in 150 bytes.
    expect(fitReplyBudget(candidates, { limit: 10, emptyReplyBytes: 0, budgetBytes: 150 }).page).toHaveLength(1);
  });
});
