import { CommandIdentity } from './certificate-command.events';
import type { CertificateOutcomeEvent } from './certificate-outcome.events';

/**
 * Core NATS request on `certhub.rpc.outcome.get`: the stored outcome of a request id, if any. Its tenant id
 * and request id follow the very rules of the command they look up.
 */
export class OutcomeQuery extends CommandIdentity {}

export interface OutcomeQueryReply {
  readonly outcome: CertificateOutcomeEvent | null;
  /** commandContentHash() of the command the outcome belongs to. */
  readonly contentHash: string | null;
  /** Set when the query was refused (bad shape); nothing was looked up, so outcome is null. */
  readonly error?: string;
}
