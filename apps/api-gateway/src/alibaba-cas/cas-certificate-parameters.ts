import { CommandLimits } from '@certhub/contracts';
import { alibabaError } from './alibaba-error-codes';

/** What either upload action hands on: the certificate (and chain), its key and the certificate's name. */
export interface CasCertificateInput {
  readonly cert: string;
  readonly key: string;
  readonly name: string;
}

/**
 * The checks both actions share (the same checks, the same codes): Name not only spaces and within the
 * action's limit, Cert and Key within certhub's command limits.
 */
export function checkCertificateInput(input: CasCertificateInput, nameMax: number): CasCertificateInput {
  if (input.name.length > nameMax || input.name.trim() === '') throw invalidParameter(`Name must be 1-${nameMax} characters and not only spaces.`);
  if (input.cert.length > CommandLimits.certificate) throw invalidParameter(`Cert may be at most ${CommandLimits.certificate} characters.`);
  if (input.key.length > CommandLimits.privateKey) throw invalidParameter(`Key may be at most ${CommandLimits.privateKey} characters.`);
  return input;
}

export function invalidParameter(message: string) {
  return alibabaError('InvalidParameter', message);
}
