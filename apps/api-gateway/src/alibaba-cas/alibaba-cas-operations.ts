import type { CertificateStoredEvent } from '@certhub/contracts';
import { CREATE_USER_CERTIFICATE, UPLOAD_USER_CERTIFICATE, type CasAction } from './alibaba-api';
import { toCreateUserCertificateResponse, toUploadUserCertificateResponse } from './alibaba-cas.mapper';
import type { AlibabaParameters } from './alibaba-parameters';
import type { ResponseFields } from './alibaba-response-body';
import type { CasCertificateInput } from './cas-certificate-parameters';
import { readCreateUserCertificate } from './create-user-certificate.request';
import { readUploadUserCertificate } from './upload-user-certificate.request';

/** One CAS upload action: how its parameters are read and what it answers once the certificate is stored. */
export interface CasOperation {
  read(parameters: AlibabaParameters): CasCertificateInput;
  respond(requestId: string, stored: CertificateStoredEvent): ResponseFields;
}

/** Both actions store a certificate the same way; they differ in parameters and in the answer's fields. */
export const CAS_OPERATIONS: Readonly<Record<CasAction, CasOperation>> = {
  [CREATE_USER_CERTIFICATE]: { read: readCreateUserCertificate, respond: toCreateUserCertificateResponse },
  [UPLOAD_USER_CERTIFICATE]: { read: readUploadUserCertificate, respond: toUploadUserCertificateResponse },
};
