import { required } from './alibaba-api';
import type { AlibabaParameters } from './alibaba-parameters';
import { checkCertificateInput, invalidParameter, type CasCertificateInput } from './cas-certificate-parameters';

/** UploadUserCertificate's Name: "up to 64 characters" (CAS 2020-04-07 reference and its SDK model). */
export const UPLOAD_NAME_MAX = 64;
/** The SM (Chinese national algorithm) certificate pair, which the reference ignores when Cert and Key are sent. */
export const SM_PARAMETERS = ['EncryptCert', 'EncryptPrivateKey', 'SignCert', 'SignPrivateKey'] as const;
export const RESOURCE_GROUP_ID_MAX = 64;
/** Alibaba's tag limits: at most 20 tags, keys and values of at most 128 characters. */
export const TAG_LIMITS = { count: 20, key: 128, value: 128 } as const;
const TAG_PARAMETER = /^Tags\.(\d+)\.(Key|Value)$/;

/**
 * UploadUserCertificate's parameters (CAS 2020-04-07): Name, Cert and Key, with the same checks and codes as
 * CreateUserCertificate. The reference makes Cert and Key optional only because an SM certificate may be sent
 * instead (EncryptCert/EncryptPrivateKey/SignCert/SignPrivateKey); certhub has no SM certificates, so Cert and
 * Key are required, and an SM-only upload is told so. ResourceGroupId and Tags are checked and not stored
 * (certhub has neither resource groups nor tags); anything else is signed and ignored, as for the other action.
 */
export function readUploadUserCertificate(parameters: AlibabaParameters): CasCertificateInput {
  const name = required(parameters, 'Name');
  const given = (parameter: string) => (parameters.get(parameter) ?? '') !== '';
  if ((!given('Cert') || !given('Key')) && SM_PARAMETERS.some(given)) {
    throw invalidParameter(`SM certificates (${SM_PARAMETERS.join(', ')}) are not supported by certhub; send Cert and Key.`);
  }
  const cert = required(parameters, 'Cert');
  const key = required(parameters, 'Key');
  checkCertificateInput({ cert, key, name }, UPLOAD_NAME_MAX);
  const resourceGroupId = parameters.get('ResourceGroupId');
  if (resourceGroupId !== undefined && !/^[\x21-\x7e]{1,64}$/.test(resourceGroupId)) {
    throw invalidParameter(`ResourceGroupId must be 1-${RESOURCE_GROUP_ID_MAX} printable characters.`);
  }
  checkTags(parameters);
  return { cert, key, name };
}

/** Tags.N.Key / Tags.N.Value, N from 1 to 20: a value needs its key, and keys and values have Alibaba's limits. */
function checkTags(parameters: AlibabaParameters): void {
  const tags = new Map<number, { key?: string; value?: string }>();
  for (const [name, value] of parameters) {
    const match = TAG_PARAMETER.exec(name);
    if (!match) continue;
    const index = Number(match[1]);
    if (!Number.isInteger(index) || index < 1 || index > TAG_LIMITS.count) throw invalidParameter(`Tags are numbered 1 to ${TAG_LIMITS.count}.`);
    const tag = tags.get(index) ?? {};
    tags.set(index, match[2] === 'Key' ? { ...tag, key: value } : { ...tag, value });
  }
  for (const [index, { key, value }] of tags) {
    if (!key || key.length > TAG_LIMITS.key) throw invalidParameter(`Tags.${index}.Key must be 1-${TAG_LIMITS.key} characters.`);
    if ((value ?? '').length > TAG_LIMITS.value) throw invalidParameter(`Tags.${index}.Value may be at most ${TAG_LIMITS.value} characters.`);
  }
}
