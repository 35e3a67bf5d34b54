import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOpenssl, withTempDir } from './openssl-cli';

export interface OpensslCertificate {
  readonly certificatePem: string;
  readonly privateKeyPem: string;
}

export interface OpensslCertificateOptions {
  /** `rsa:2048`, `rsa-pss:2048`, `ec:P-521`, `ec:brainpoolP256r1`, `dsa:2048`, `ed25519`, `ed448`. */
  readonly key: string;
  /** OpenSSL's slash form, e.g. `/C=DE/O=Certhub/CN=example`. */
  readonly subject: string;
  /** Validity from now; certificates stay relative to the time the test runs. */
  readonly days?: number;
  /** `-addext` values, e.g. `subjectAltName=DNS:a.example,IP:10.0.0.1`. */
  readonly extensions?: readonly string[];
  /** Extra signing options such as `-sha384` or `-sigopt rsa_padding_mode:pss`. */
  readonly signing?: readonly string[];
  readonly issuer?: OpensslCertificate;
}

/**
 * A certificate made by OpenSSL itself, for what the WebCrypto factory cannot produce: RSA-PSS signatures, DSA,
 * Ed448 or brainpool keys, e-mail and URI SANs, unusual subject attributes.
 */
export function createOpensslCertificate(options: OpensslCertificateOptions): OpensslCertificate {
  return withTempDir((dir) => {
    const keyFile = join(dir, 'key.pem');
    runOpenssl(['genpkey', ...keyArguments(options.key, dir), '-out', keyFile]);
    const args = ['req', '-x509', '-new', '-key', keyFile, '-subj', options.subject, '-days', String(options.days ?? 30), '-utf8'];
    for (const extension of options.extensions ?? []) args.push('-addext', extension);
    if (options.issuer) {
      writeFileSync(join(dir, 'ca.pem'), options.issuer.certificatePem);
      writeFileSync(join(dir, 'ca.key'), options.issuer.privateKeyPem);
      args.push('-CA', join(dir, 'ca.pem'), '-CAkey', join(dir, 'ca.key'));
    }
    return { certificatePem: runOpenssl([...args, ...(options.signing ?? [])]), privateKeyPem: readFileSync(keyFile, 'utf8') };
  });
}

function keyArguments(spec: string, dir: string): string[] {
  const [algorithm, parameter] = spec.split(':');
  switch (algorithm) {
    case 'rsa':
      return ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${parameter ?? '2048'}`];
    case 'rsa-pss':
      return ['-algorithm', 'RSA-PSS', '-pkeyopt', `rsa_keygen_bits:${parameter ?? '2048'}`];
    case 'ec':
      return ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${parameter}`];
    case 'dsa': {
      const parameters = join(dir, 'dsa-params.pem');
      runOpenssl(['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', `dsa_paramgen_bits:${parameter ?? '2048'}`, '-out', parameters]);
      return ['-paramfile', parameters];
    }
    default:
      return ['-algorithm', algorithm.toUpperCase()];
  }
}
