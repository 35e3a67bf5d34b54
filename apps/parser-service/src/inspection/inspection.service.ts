import type { ParserConfig } from '@certhub/config';
import type { CertificateValidateReply } from '@certhub/contracts';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { PARSER_CONFIG } from '../app/parser-config.token';
import type { ImportMaterial, InspectedImport } from '../certificates';
import { INSPECTION_WORKER_ROLE } from './inspection-messages';
import { InspectionPool } from './inspection-pool';

/** Heap a worker may use; an upload that needs more fails alone (INTERNAL) instead of the service. */
const WORKER_HEAP_MB = 256;

/**
 * A worker's nursery. V8's default lets each worker's young generation grow to tens of MiB that stay
 * resident; an inspection's garbage is short-lived, so a small one costs few extra collections. bench:memory,
 * 30,000 imports: the parser's RSS grew 44 MiB with the default, 32 with 16 and 13 with 8 (docs/scaling.md).
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** `inspectImport` and `validateUpload` on the service's worker threads. */
@Injectable()
export class InspectionService implements OnApplicationShutdown {
  private readonly pool: InspectionPool;

  constructor(@Inject(PARSER_CONFIG) config: ParserConfig) {
    // The worker runs the service's own entry script, which sees the role and serves inspections instead.
    const entry = process.argv[1] ?? '';
    this.pool = new InspectionPool(
      config.inspectionWorkers,
      () => new Worker(entry, { workerData: { role: INSPECTION_WORKER_ROLE }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } }),
    );
  }

  inspect(material: ImportMaterial): Promise<InspectedImport> {
    return this.pool.inspect(material);
  }

  validate(material: ImportMaterial): Promise<CertificateValidateReply> {
    return this.pool.validate(material);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }
}
