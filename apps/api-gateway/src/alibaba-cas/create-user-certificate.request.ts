import { CommandLimits } from '@certhub/contracts';
import { isIP } from 'node:net';
import { required } from './alibaba-api';
import { alibabaError } from './alibaba-error-codes';
import type { AlibabaParameters } from './alibaba-parameters';

export interface CreateUserCertificateInput {
  readonly cert: string;
  readonly key: string;
  readonly name: string;
}

/**
 * CreateUserCertificate's own parameters. Cert, Key and Name are required (Missing{Name}); their limits are
 * certhub's command limits. Lang and SourceIp are optional and checked, but change nothing: answers are
 * in English, and the caller's address is not part of a certificate.
 */
export function readCreateUserCertificate(parameters: AlibabaParameters): CreateUserCertificateInput {
  const cert = required(parameters, 'Cert');
  const key = required(parameters, 'Key');
  const name = required(parameters, 'Name');
  if (name.length > CommandLimits.name || name.trim() === '') {
    throw invalid(`Name must be 1-${CommandLimits.name} characters and not only spaces.`);
  }
  if (cert.length > CommandLimits.certificate) throw invalid(`Cert may be at most ${CommandLimits.certificate} characters.`);
  if (key.length > CommandLimits.privateKey) throw invalid(`Key may be at most ${CommandLimits.privateKey} characters.`);
  const lang = parameters.get('Lang');
  if (lang && !/^[A-Za-z]{2}([_-][A-Za-z]{2})?$/.test(lang)) throw invalid('Lang must be a language code such as zh or en.');
  const sourceIp = parameters.get('SourceIp');
  if (sourceIp && isIP(sourceIp) === 0) throw invalid('SourceIp must be an IPv4 or IPv6 address.');
  return { cert, key, name };
}

function invalid(message: string) {
  return alibabaError('InvalidParameter', message);
}
