import { opensslView, runOpenssl } from '@certhub/testing';
import { randomBytes } from 'node:crypto';
import { createToken } from './credentials';
import { send, type HttpAnswer } from './http-client';
import type { SuiteEnvironment } from './suite-environment';

/** A Huawei project (32 hex digits, like real project ids) with its own X-Auth-Token. */
export interface ApigProject {
  readonly id: string;
  readonly token: string;
  /** POST /v2/{project_id}/apigw/certificates as this project; `headers` may override X-Auth-Token. */
  create(body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
}

export function apigCertificatesUrl(gatewayUrl: string, projectId: string): string {
  return `${gatewayUrl}/v2/${projectId}/apigw/certificates`;
}

export async function newApigProject(env: SuiteEnvironment): Promise<ApigProject> {
  const id = randomBytes(16).toString('hex');
  const token = await createToken(env, id);
  return {
    id,
    token,
    create: (body, headers = {}) => send('POST', apigCertificatesUrl(env.stack.gatewayUrl, id), body, { 'X-Auth-Token': token, ...headers }),
  };
}

/** Huawei's error body, exactly two fields. */
export function expectApigError(answer: HttpAnswer, status: number, errorCode: string, messageFragment = ''): void {
  expect({ status: answer.status, code: (answer.body as { error_code?: string }).error_code }).toEqual({ status, code: errorCode });
  expect(answer.body).toEqual({ error_code: errorCode, error_msg: expect.stringContaining(messageFragment) });
}

/** OpenSSL's names for the signatures Go names, for comparing with what the parser-independent CLI prints. */
const GO_NAME_OF_OPENSSL: Readonly<Record<string, string>> = {
  sha1WithRSAEncryption: 'SHA1-RSA',
  sha256WithRSAEncryption: 'SHA256-RSA',
  sha384WithRSAEncryption: 'SHA384-RSA',
  sha512WithRSAEncryption: 'SHA512-RSA',
  'ecdsa-with-SHA256': 'ECDSA-SHA256',
  'ecdsa-with-SHA384': 'ECDSA-SHA384',
  'ecdsa-with-SHA512': 'ECDSA-SHA512',
  ED25519: 'Ed25519',
};

/**
 * The certificate fields of an APIG answer, computed from `openssl x509` output alone: name attributes from
 * `-nameopt sep_multiline,sname` (one attribute per line, in certificate order), dates, serial, SANs from `-text`.
 */
export function apigFieldsFromOpenssl(certificatePem: string): Record<string, unknown> {
  const view = opensslView(certificatePem);
  const subject = nameLists(certificatePem, 'subject');
  return {
    common_name: subject['CN']?.at(-1) ?? '',
    san: view.subjectAltNames.filter((entry) => entry.startsWith('DNS:')).map((entry) => entry.slice(4)),
    not_after: isoSeconds(view.notAfter),
    signature_algorithm: goSignatureName(certificatePem, view.signatureAlgorithm),
    version: view.version,
    organization: subject['O'] ?? [],
    organizational_unit: subject['OU'] ?? [],
    locality: subject['L'] ?? [],
    state: subject['ST'] ?? [],
    country: subject['C'] ?? [],
    not_before: isoSeconds(view.notBefore),
    serial_number: BigInt(`0x${view.serial}`).toString(10),
    issuer: nameLists(certificatePem, 'issuer')['O'] ?? [],
  };
}

function nameLists(certificatePem: string, which: 'subject' | 'issuer'): Record<string, string[]> {
  const printed = runOpenssl(['x509', '-noout', `-${which}`, '-nameopt', 'sep_multiline,sname,utf8,-esc_msb'], certificatePem);
  const lists: Record<string, string[]> = {};
  for (const line of printed.split('\n').slice(1)) {
    const match = /^\s+([^=]+)=(.*)$/.exec(line);
    if (match) (lists[match[1]] ??= []).push(match[2]);
  }
  return lists;
}

/** RSASSA-PSS is named by its parameters, which `-text` prints under the algorithm. */
function goSignatureName(certificatePem: string, opensslName: string): string {
  if (opensslName !== 'rsassaPss') return GO_NAME_OF_OPENSSL[opensslName] ?? opensslName;
  const text = runOpenssl(['x509', '-noout', '-text'], certificatePem);
  const hash = /Hash Algorithm: sha(256|384|512)/.exec(text)?.[1];
  const salt = parseInt(/Salt Length: 0x([0-9A-Fa-f]+)/.exec(text)?.[1] ?? '0', 16);
  return hash && salt === Number(hash) / 8 ? `SHA${hash}-RSAPSS` : opensslName;
}

function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
