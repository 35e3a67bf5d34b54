import type { TestCertificate } from '@certhub/testing';
import { randomUUID } from 'node:crypto';
import { createToken } from './credentials';
import { rainbondCertificatesUrl, send, type HttpAnswer } from './http-client';
import type { SuiteEnvironment } from './suite-environment';

/** A Rainbond team with its own token, and the two documented calls made as that team. */
export interface RainbondTeam {
  readonly id: string;
  readonly token: string;
  add(body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
  update(certificateId: number | string, body: unknown, headers?: Record<string, string>): Promise<HttpAnswer>;
}

/** The body of an add or update for a server certificate with its key, as the Rainbond console sends it. */
export function serverCertificateBody(cert: Pick<TestCertificate, 'certificatePem' | 'privateKeyPem'>, alias: string) {
  return { alias, private_key: cert.privateKeyPem, certificate: cert.certificatePem, certificate_type: 'server' };
}

export async function newRainbondTeam(env: SuiteEnvironment, id = `team-${randomUUID().slice(0, 8)}`): Promise<RainbondTeam> {
  const token = await createToken(env, id);
  const auth = { Authorization: token };
  return {
    id,
    token,
    add: (body, headers = {}) => send('POST', rainbondCertificatesUrl(env.stack.gatewayUrl, id), body, { ...auth, ...headers }),
    update: (certificateId, body, headers = {}) =>
      send('PUT', rainbondCertificatesUrl(env.stack.gatewayUrl, id, certificateId), body, { ...auth, ...headers }),
  };
}
