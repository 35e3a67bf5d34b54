import { CommandLimits } from '@certhub/contracts';
import { isIP } from 'node:net';
import { required } from './alibaba-api';
import type { AlibabaParameters } from './alibaba-parameters';
import { checkCertificateInput, invalidParameter, type CasCertificateInput } from './cas-certificate-parameters';

/**
 * CreateUserCertificate's own parameters (2018-07-13). Cert, Key and Name are required (Missing{Name}); their
 * limits are certhub's command limits. Lang and SourceIp are optional and checked, but change nothing: answers
 * are in English, and the caller's address is not part of a certificate.
 */
export function readCreateUserCertificate(parameters: AlibabaParameters): CasCertificateInput {
  const cert = required(parameters, 'Cert');
  const key = required(parameters, 'Key');
  const name = required(parameters, 'Name');
  checkCertificateInput({ cert, key, name }, CommandLimits.name);
  const lang = parameters.get('Lang');
  if (lang && !/^[A-Za-z]{2}([_-][A-Za-z]{2})?$/.test(lang)) throw invalidParameter('Lang must be a language code such as zh or en.');
  const sourceIp = parameters.get('SourceIp');
  if (sourceIp && isIP(sourceIp) === 0) throw invalidParameter('SourceIp must be an IPv4 or IPv6 address.');
  return { cert, key, name };
}
