import type { Request } from 'express';

/** Who a request acts for and which request it is: what an import handler needs besides its body. */
export interface ImportRequestContext {
  /** The tenant the request's credential belongs to, as its authentication guard proved it. */
  readonly tenantId: string;
  /** The client's Idempotency-Key or a fresh UUID, fixed by RequestIdMiddleware before anything else runs. */
  readonly requestId: string;
}

interface Attached {
  requestId?: string;
  tenantId?: string;
}

/**
 * Beside the Express request rather than on it or in `res.locals` (an untyped bag any code may write): only this
 * module reads and writes these values, and an entry is collected with its request.
 */
const ATTACHED = new WeakMap<Request, Attached>();

function attached(request: Request): Attached {
  let entry = ATTACHED.get(request);
  if (!entry) ATTACHED.set(request, (entry = {}));
  return entry;
}

/** RequestIdMiddleware, first of all, so that every response and log line can carry the id. */
export function attachRequestId(request: Request, requestId: string): void {
  attached(request).requestId = requestId;
}

/** An authentication guard, once the credential is proven. */
export function attachTenant(request: Request, tenantId: string): void {
  attached(request).tenantId = tenantId;
}

/** The request id, or undefined for a request refused before RequestIdMiddleware ran (a body that cannot be parsed). */
export function attachedRequestId(request: Request): string | undefined {
  return ATTACHED.get(request)?.requestId;
}

/**
 * Both values, for a handler behind an authentication guard. Missing ones mean a route without a guard: a
 * programming error, answered as an internal error rather than an import for no tenant.
 */
export function importContextOf(request: Request): ImportRequestContext {
  const { requestId, tenantId } = ATTACHED.get(request) ?? {};
  if (requestId === undefined || tenantId === undefined) {
    throw new Error('No import context on this request: its route has no authentication guard, or RequestIdMiddleware did not run.');
  }
  return { tenantId, requestId };
}
