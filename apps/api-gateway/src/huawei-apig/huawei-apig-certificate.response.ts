import type { ApigAlgorithmType, ApigCertificateType } from './huawei-apig-request';

/** Table 4 of "Creating an SSL Certificate" (status 200), every field in the documented order, plus algorithm_type. */
export interface ApigCertificateResponse {
  readonly id: string;
  readonly name: string;
  readonly type: ApigCertificateType;
  readonly instance_id: string;
  readonly project_id: string;
  readonly common_name: string;
  readonly san: readonly string[];
  readonly not_after: string;
  readonly signature_algorithm: string;
  readonly create_time: string;
  readonly update_time: string;
  readonly is_has_trusted_root_ca: boolean;
  /** Not in Table 4 of the given spec; the current CreateCertificateV2Response model has it here. */
  readonly algorithm_type: ApigAlgorithmType;
  readonly version: number;
  readonly organization: readonly string[];
  readonly organizational_unit: readonly string[];
  readonly locality: readonly string[];
  readonly state: readonly string[];
  readonly country: readonly string[];
  readonly not_before: string;
  readonly serial_number: string;
  readonly issuer: readonly string[];
}
