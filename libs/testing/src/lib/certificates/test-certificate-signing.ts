import { webcrypto } from 'node:crypto';
import { isIP } from 'node:net';
import { isRsa, type SigningParams, type TestKeyType } from './test-key-types';
import { x509 } from './x509-runtime';

/** What a CA or a TLS server certificate usually carries; SAN entries that are IP addresses become IP SANs. */
export async function certificateExtensions(
  keyPair: webcrypto.CryptoKeyPair,
  isCa: boolean,
  sans: readonly string[],
  issuerKeys?: webcrypto.CryptoKeyPair,
  basicConstraints?: { readonly pathLength: number } | 'omitted',
): Promise<x509.Extension[]> {
  const usages = isCa ? x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign : x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment;
  const list: x509.Extension[] = [
    ...(basicConstraints === 'omitted' ? [] : [new x509.BasicConstraintsExtension(isCa, basicConstraints?.pathLength, true)]),
    new x509.KeyUsagesExtension(usages, true),
    await x509.SubjectKeyIdentifierExtension.create(keyPair.publicKey),
  ];
  if (issuerKeys) list.push(await x509.AuthorityKeyIdentifierExtension.create(issuerKeys.publicKey));
  if (sans.length > 0) {
    list.push(new x509.SubjectAlternativeNameExtension(sans.map((value) => ({ type: isIP(value) ? 'ip' : 'dns', value }))));
  }
  return list;
}

/** WebCrypto binds an RSA key to one hash, so signing with another hash needs the key re-imported with it. */
export async function signingKey(keys: webcrypto.CryptoKeyPair, keyType: TestKeyType, signing: SigningParams): Promise<webcrypto.CryptoKey> {
  const keyHash = (keys.privateKey.algorithm as webcrypto.RsaHashedKeyAlgorithm).hash?.name;
  if (!isRsa(keyType) || keyHash === signing.hash) return keys.privateKey;
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: signing.hash }, false, ['sign']);
}
