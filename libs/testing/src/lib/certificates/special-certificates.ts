import { createTestCertificate, TEST_DAY_MS, type TestCertificate, type TestCertificateOptions } from './test-certificate';
import { pooledKeyPair } from './test-key-pool';
import { signingParams, type TestKeyType } from './test-key-types';
import { x509 } from './x509-runtime';

type DatelessOptions = Omit<TestCertificateOptions, 'notBefore' | 'notAfter'>;

/** Valid for 59 days, ending yesterday. */
export function createExpiredCertificate(options: DatelessOptions = {}): Promise<TestCertificate> {
  return createTestCertificate({ ...options, notBefore: new Date(Date.now() - 60 * TEST_DAY_MS), notAfter: new Date(Date.now() - TEST_DAY_MS) });
}

/** Valid for 59 days, starting tomorrow. */
export function createNotYetValidCertificate(options: DatelessOptions = {}): Promise<TestCertificate> {
  return createTestCertificate({ ...options, notBefore: new Date(Date.now() + TEST_DAY_MS), notAfter: new Date(Date.now() + 60 * TEST_DAY_MS) });
}

/** A PKCS#10 request ("CERTIFICATE REQUEST"), the thing users most often paste instead of their certificate. */
export async function createTestCsrPem(options: { keyType?: TestKeyType; commonName?: string } = {}): Promise<string> {
  const keyType = options.keyType ?? 'p256';
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: new x509.Name([{ CN: [options.commonName ?? 'csr.test.certhub.local'] }]),
    keys: await pooledKeyPair(keyType),
    signingAlgorithm: signingParams(keyType),
  });
  return `${csr.toString('pem')}\n`;
}
