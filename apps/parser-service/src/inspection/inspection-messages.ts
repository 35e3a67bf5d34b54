import type { CertificateValidateReply, ErrorCode } from '@certhub/contracts';
import type { ImportMaterial, InspectedImport } from '../certificates';

/** Marks a worker thread started to inspect uploads (main.ts runs the worker loop instead of the service). */
export const INSPECTION_WORKER_ROLE = 'certhub-inspection-worker';

/** What a worker is asked: inspect for import (stop at the first problem, export the key), or a dry run. */
export type InspectionKind = 'import' | 'validate';

/** One upload to parse and check. */
export interface InspectionTask {
  readonly id: number;
  readonly kind: InspectionKind;
  readonly material: ImportMaterial;
}

/**
 * Main thread → worker: the uploads a worker takes at once, answered with one message of their answers in the
 * same order. Every message wakes the other thread, which costs more CPU on a busy virtual machine than a
 * certificate's parse; under load a worker takes several uploads per wake-up (InspectionPool).
 */
export type InspectionBatch = readonly InspectionTask[];

/** Worker → main thread, one per task: the checked upload, with the key's DER moved (transferred), not copied; or the dry run's report. */
export type InspectionAnswer =
  | { readonly id: number; readonly ok: true; readonly inspected: InspectedImport }
  | { readonly id: number; readonly ok: true; readonly validation: CertificateValidateReply }
  | { readonly id: number; readonly ok: false; readonly code: ErrorCode; readonly message: string };
