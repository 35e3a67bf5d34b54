import type { StorageConfig } from '@certhub/config';
import type { EncryptedKeyEnvelope } from '@certhub/contracts';
import { kekCheckValue } from '@certhub/key-envelope';
import { TransientError } from '@certhub/messaging';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { Certificate } from '../certificates/schemas/certificate.schema';
import { STORAGE_CONFIG } from '../config/storage-config.token';
import { rethrowAsTransient } from '../database/mongo-errors';
import { Credential } from '../credentials/schemas/credential.schema';
import { keyringProblems, type StoredKeyEvidence } from './keyring-problems';
import { KekCheck } from './schemas/kek-check.schema';

/** Thrown at start-up: the process ends instead of storing data nobody could open with the keys it has. */
export class KeyringMismatchError extends Error {
  constructor(problems: readonly string[]) {
    super(
      `refusing to start: CERTHUB_KEKS cannot open the keys stored in MongoDB: ${problems.join('; ')}. ` +
        'Configure the key-encryption keys this data was sealed with (docs/operations.md, "Keeping the key").',
    );
    this.name = 'KeyringMismatchError';
  }
}

/**
 * Before anything is consumed (onModuleInit runs before any consumer starts), checks that the configured
 * KEKs open what is stored: a second `docker compose up` with a freshly generated key must stop here, not
 * go on sealing new keys under a key that the old ones do not open. Then records each KEK's check value, so
 * a later start with another key under the same id is refused even before any data exists under it.
 * Without CERTHUB_KEKS storage cannot check and says so.
 */
@Injectable()
export class KeyringCheck implements OnModuleInit {
  private readonly logger = new Logger(KeyringCheck.name);

  constructor(
    @Inject(STORAGE_CONFIG) private readonly config: StorageConfig,
    @InjectModel(Certificate.name) private readonly certificates: Model<Certificate>,
    @InjectModel(Credential.name) private readonly credentials: Model<Credential>,
    @InjectModel(KekCheck.name) private readonly checks: Model<KekCheck>,
  ) {}

  async onModuleInit(): Promise<void> {
    const keyring = this.config.keyring;
    if (!keyring) {
      this.logger.warn('no CERTHUB_KEKS: storage cannot check that the key-encryption keys open the stored keys');
      return;
    }
    const evidence = await this.untilReachable(() => this.evidence());
    const problems = keyringProblems(keyring, evidence);
    if (problems.length > 0) throw new KeyringMismatchError(problems);
    await this.untilReachable(() => this.record([...keyring.byId.values()]));
    this.logger.log(`CERTHUB_KEKS (${[...keyring.byId.keys()].join(', ')}) open the stored keys`);
  }

  /** The newest envelope of each kind, by the `_id` index for certificates; the check values recorded. */
  private async evidence(): Promise<StoredKeyEvidence> {
    const [certificate, credential, recorded] = await Promise.all([
      this.certificates.findOne({}, { privateKey: 1 }).sort({ _id: -1 }).lean().exec(),
      this.credentials.findOne({ kind: 'access-key' }, { sealedSecret: 1 }).sort({ createdAt: -1 }).lean().exec(),
      this.checks.find({}).lean().exec(),
    ]);
    const newest: Array<{ what: string; envelope: EncryptedKeyEnvelope }> = [];
    if (certificate) newest.push({ what: 'certificate key', envelope: certificate.privateKey });
    if (credential?.sealedSecret) newest.push({ what: 'AccessKey secret', envelope: credential.sealedSecret });
    return { newest, recorded: new Map(recorded.map((check) => [check._id, check.checkValue])) };
  }

  /** First start with a KEK id: remember its key. An id already recorded keeps its value (checked above). */
  private async record(keks: ReadonlyArray<{ id: string; key: Buffer }>): Promise<void> {
    for (const kek of keks) {
      await this.checks
        .updateOne({ _id: kek.id }, { $setOnInsert: { checkValue: kekCheckValue(kek), recordedAt: new Date() } }, { upsert: true })
        .exec();
    }
  }

  /** MongoDB may still be starting: wait for it rather than start unchecked. */
  private async untilReachable<T>(read: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await read().catch(rethrowAsTransient);
      } catch (error) {
        if (!(error instanceof TransientError)) throw error;
        const delay = Math.min(500 * attempt, 5_000);
        if (attempt % 10 === 1) this.logger.warn(`MongoDB unreachable, checking the KEKs again in ${delay}ms: ${error.message}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}
