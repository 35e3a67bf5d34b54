import type { CertificateOutcomeEvent } from '@certhub/contracts';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { InsertBatcher } from '../database/insert-batcher';
import { UpdateBatcher } from '../database/update-batcher';
import { journaledByNextWrite } from '../database/journaled-by-next-write';
import { isDuplicateKeyError, rethrowAsTransient } from '../database/mongo-errors';
import { RECORD_FIELDS } from '../certificates/certificate-record.mapper';
import { expandDecision, summarizeOutcome } from './outcome-decision';
import { RequestOutcome } from './schemas/request-outcome.schema';

export interface StoredOutcome {
  readonly contentHash: string;
  readonly outcome: CertificateOutcomeEvent;
}

/** What a command may do with its (tenant, request id). */
export type RequestClaim =
  /** Nobody decided it yet, and nobody with other content holds it: decide (idempotently). */
  | { readonly state: 'open' }
  /** Decided for this very content: answer that outcome again. */
  | { readonly state: 'decided'; readonly stored: StoredOutcome }
  /** Held by other content, decided or not: refuse, and write nothing. */
  | { readonly state: 'taken' };

/**
 * The idempotency record: one document per (tenant, request id), claimed by the first content that arrives
 * and later given its decision. Claiming before writing is what keeps two concurrent commands with one
 * request id and different content from both writing a certificate: the unique index lets only one claim in.
 * The record keeps the decision, not the certificate: an outcome answered again is rebuilt from the stored
 * certificate (outcome-decision.ts).
 */
@Injectable()
export class OutcomeStore {
  private claimInserts?: InsertBatcher;
  private decisionWrites?: UpdateBatcher;

  constructor(
    @InjectModel(RequestOutcome.name) private readonly outcomes: Model<RequestOutcome>,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
  ) {}

  /** The recorded outcome; `outcome` is null while the request is claimed but not decided yet. */
  async find(tenantId: string, requestId: string): Promise<{ contentHash: string; outcome: CertificateOutcomeEvent | null } | null> {
    try {
      const record = await this.outcomes.findOne({ tenantId, requestId }, { contentHash: 1, decision: 1, outcome: 1 }).lean().exec();
      if (!record) return null;
      // Records written before decisions were slim hold the whole outcome.
      if (record.outcome) return { contentHash: record.contentHash, outcome: record.outcome };
      if (!record.decision) return { contentHash: record.contentHash, outcome: null };
      const { decision } = record;
      const certificate =
        decision.outcome === 'rejected' || decision.outcome === 'deleted'
          ? null
          : await this.certificates.findOne({ _id: decision.certificateId, tenantId }, RECORD_FIELDS).lean<Certificate>().exec();
      return { contentHash: record.contentHash, outcome: expandDecision({ tenantId, requestId }, decision, certificate) };
    } catch (error) {
      return rethrowAsTransient(error);
    }
  }

  async claim(tenantId: string, requestId: string, contentHash: string): Promise<RequestClaim> {
    try {
      // Made durable by settle(), which records the decision before anything is answered. Concurrent claims
      // share one insert command; the document is the one mongoose would write (the spec compares them).
      const claimed: RequestOutcome = { tenantId, requestId, contentHash, decision: null, createdAt: new Date() };
      this.claimInserts ??= new InsertBatcher(this.outcomes.collection, journaledByNextWrite(this.outcomes).writeConcern);
      await this.claimInserts.insert(claimed);
      return { state: 'open' };
    } catch (error) {
      if (!isDuplicateKeyError(error)) rethrowAsTransient(error);
    }
    const held = await this.find(tenantId, requestId);
    if (!held) throw new Error(`request ${requestId} of ${tenantId} is neither claimable nor claimed`);
    if (held.contentHash !== contentHash) return { state: 'taken' };
    return held.outcome ? { state: 'decided', stored: { contentHash, outcome: held.outcome } } : { state: 'open' };
  }

  /**
   * Records the decision unless a concurrent delivery of the same content did first; returns the outcome
   * kept, and whether it is this call's (only that one is counted in the metrics).
   */
  async settle(contentHash: string, outcome: CertificateOutcomeEvent): Promise<{ kept: StoredOutcome; recordedHere: boolean }> {
    const { tenantId, requestId } = outcome;
    let recordedHere = false;
    try {
      // `decision: null` also matches a record without the field: one claimed before decisions were slim.
      const open = { tenantId, requestId, contentHash, decision: null };
      // Concurrent decisions share one update command, which reports totals only; the token tells this call's
      // write from a concurrent delivery's when the batch cannot.
      const decidedBy = randomBytes(12).toString('base64url');
      this.decisionWrites ??= new UpdateBatcher(this.outcomes.collection);
      const written = await this.decisionWrites.updateOne(open, { $set: { decision: summarizeOutcome(outcome), decidedBy } });
      recordedHere = written === 'modified' || (await this.decider(tenantId, requestId)) === decidedBy;
    } catch (error) {
      rethrowAsTransient(error);
    }
    if (recordedHere) return { kept: { contentHash, outcome }, recordedHere };
    const kept = await this.find(tenantId, requestId);
    if (!kept?.outcome) throw new Error(`outcome of request ${requestId} of ${tenantId} was not recorded`);
    return { kept: { contentHash: kept.contentHash, outcome: kept.outcome }, recordedHere };
  }

  /** The token of the settle call that recorded the request's decision. */
  private async decider(tenantId: string, requestId: string): Promise<string | undefined> {
    const record = await this.outcomes.collection.findOne({ tenantId, requestId }, { projection: { decidedBy: 1 } });
    return (record as Pick<RequestOutcome, 'decidedBy'> | null)?.decidedBy;
  }
}
