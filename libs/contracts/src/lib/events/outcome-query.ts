import type { CertificateOutcomeEvent } from './certificate-outcome.events';

/** Core NATS request on `certhub.rpc.outcome.get`: the stored outcome of a request id, if any. */
export interface OutcomeQuery {
  readonly tenantId: string;
  readonly requestId: string;
}

export interface OutcomeQueryReply {
  readonly outcome: CertificateOutcomeEvent | null;
  /** commandContentHash() of the command the outcome belongs to. */
  readonly contentHash: string | null;
}
