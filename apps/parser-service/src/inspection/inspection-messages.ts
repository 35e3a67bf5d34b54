import type { CertificateValidateReply, ErrorCode } from '@certhub/contracts';
import type { ImportMaterial, InspectedImport } from '../certificates';

/** Marks a worker thread started to inspect uploads (main.ts runs the worker loop instead of the service). */
export const INSPECTION_WORKER_ROLE = 'certhub-inspection-worker';

/** What a worker is asked: inspect for import (stop at the first problem, export the key), or a dry run. */
export type InspectionKind = 'import' | 'validate';

/** Main thread → worker: one upload to parse and check. */
export interface InspectionTask {
  readonly id: number;
  readonly kind: InspectionKind;
  readonly material: ImportMaterial;
}

/** Worker → main thread: the checked upload, with the key's DER moved (transferred), not copied; or the dry run's report. */
export type InspectionAnswer =
  | { readonly id: number; readonly ok: true; readonly inspected: InspectedImport }
  | { readonly id: number; readonly ok: true; readonly validation: CertificateValidateReply }
  | { readonly id: number; readonly ok: false; readonly code: ErrorCode; readonly message: string };
