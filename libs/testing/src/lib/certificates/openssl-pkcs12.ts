import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOpenssl, withTempDir } from './openssl-cli';
import type { OpensslCertificate } from './openssl-certificates';

export interface Pkcs12Listing {
  /** `openssl pkcs12 -nokeys`: every certificate, each after its `Bag Attributes` and `subject=` / `issuer=` lines. */
  readonly certificates: string;
  /** `openssl pkcs12 -nocerts -nodes`: the key after its `Bag Attributes` and `Key Attributes` lines. */
  readonly privateKey: string;
}

/**
 * Packs a certificate, its key and its chain into a PKCS#12 file and lists it again with OpenSSL, the way users
 * turn a .pfx into PEM: the output carries OpenSSL's explanatory text outside the PEM blocks (RFC 7468 §2).
 */
export function listThroughPkcs12(cert: OpensslCertificate, chain: readonly OpensslCertificate[] = []): Pkcs12Listing {
  return withTempDir((dir) => {
    const file = (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const bundle = join(dir, 'bundle.p12');
    const certfile = chain.length > 0 ? ['-certfile', file('chain.pem', chain.map((c) => c.certificatePem).join(''))] : [];
    runOpenssl(['pkcs12', '-export', '-in', file('cert.pem', cert.certificatePem), '-inkey', file('key.pem', cert.privateKeyPem), ...certfile, '-name', 'certhub test', '-out', bundle, '-passout', 'pass:test']);
    return {
      certificates: runOpenssl(['pkcs12', '-in', bundle, '-nokeys', '-passin', 'pass:test']),
      privateKey: runOpenssl(['pkcs12', '-in', bundle, '-nocerts', '-nodes', '-passin', 'pass:test']),
    };
  });
}

/**
 * How `openssl pkcs12 -export` encrypts: `aes256` is OpenSSL 3's default (PBES2, PBKDF2, AES-256-CBC, SHA-256
 * MAC); `des3` the legacy triple-DES of older exporters for both bags (SHA-1 MAC); `legacy` is `-legacy`, which
 * encrypts the certificates with 40-bit RC2; `none` neither encrypts nor MACs (`-keypbe NONE -certpbe NONE
 * -nomac`, what go-pkcs12's Passwordless writes).
 */
export type Pkcs12Encryption = 'aes256' | 'des3' | 'legacy' | 'none';

const PKCS12_ENCRYPTION_ARGS: Readonly<Record<Pkcs12Encryption, readonly string[]>> = {
  aes256: ['-certpbe', 'AES-256-CBC', '-keypbe', 'AES-256-CBC', '-macalg', 'sha256'],
  des3: ['-certpbe', 'PBE-SHA1-3DES', '-keypbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
  legacy: ['-legacy'],
  none: ['-certpbe', 'NONE', '-keypbe', 'NONE', '-nomac'],
};

/** A .pfx made by `openssl pkcs12 -export` from a certificate, its key and its chain, as base64. */
export function exportPkcs12(cert: OpensslCertificate, passphrase: string, options: { readonly chain?: readonly OpensslCertificate[]; readonly encryption?: Pkcs12Encryption; readonly iterations?: number } = {}): string {
  return withTempDir((dir) => {
    const file = (name: string, content: string) => {
      writeFileSync(join(dir, name), content);
      return join(dir, name);
    };
    const chain = options.chain ?? [];
    const bundle = join(dir, 'bundle.p12');
    const certfile = chain.length > 0 ? ['-certfile', file('chain.pem', chain.map((c) => c.certificatePem).join(''))] : [];
    // `file:` reads the first line; a file with no line at all is an error, not the empty passphrase.
    runOpenssl([
      'pkcs12', '-export', '-in', file('cert.pem', cert.certificatePem), '-inkey', file('key.pem', cert.privateKeyPem), ...certfile,
      ...PKCS12_ENCRYPTION_ARGS[options.encryption ?? 'aes256'], ...(options.iterations !== undefined ? ['-iter', String(options.iterations)] : []), '-out', bundle, '-passout', `file:${file('pass.txt', `${passphrase}\n`)}`,
    ]);
    return readFileSync(bundle).toString('base64');
  });
}
