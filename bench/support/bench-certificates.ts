import { createTestCertificate, type TestCertificate } from '@certhub/testing';

/**
 * Distinct, real RSA-2048 leaves signed by one test CA, as a typical import would carry. Key pairs come from
 * the test factory's pool, so generation stays quick; every certificate is its own parse.
 */
export async function benchCertificates(count: number): Promise<TestCertificate[]> {
  const ca = await createTestCertificate({ keyType: 'rsa2048', isCa: true, commonName: 'Certhub Bench CA' });
  const leaves: TestCertificate[] = [];
  for (let i = 0; i < count; i += 1) {
    leaves.push(await createTestCertificate({ keyType: 'rsa2048', issuer: ca, commonName: `bench-${i}.example.com`, sans: [`bench-${i}.example.com`, `www.bench-${i}.example.com`] }));
  }
  return leaves;
}
