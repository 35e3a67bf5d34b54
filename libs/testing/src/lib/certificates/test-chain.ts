import { createTestCertificate, TEST_DAY_MS, type TestCertificate, type TestCertificateOptions } from './test-certificate';
import type { TestKeyType } from './test-key-types';

export interface TestChainOptions {
  readonly leafKeyType?: TestKeyType;
  /** Key type of the root and intermediates; P-256 by default because it is fast to generate. */
  readonly caKeyType?: TestKeyType;
  /** Number of intermediates between root and leaf. */
  readonly depth?: number;
  /** Extra options for the leaf (SANs, subject, key format …). */
  readonly leaf?: Omit<TestCertificateOptions, 'issuer' | 'keyType'>;
}

export interface TestChain {
  readonly root: TestCertificate;
  /** Root-side first: intermediates[0] is signed by the root, the leaf by the last one. */
  readonly intermediates: readonly TestCertificate[];
  readonly leaf: TestCertificate;
}

export async function createTestChain(options: TestChainOptions = {}): Promise<TestChain> {
  const caKeyType = options.caKeyType ?? 'p256';
  const root = await createTestCertificate({ keyType: caKeyType, isCa: true, notAfter: new Date(Date.now() + 3650 * TEST_DAY_MS) });
  const intermediates: TestCertificate[] = [];
  for (let level = 0; level < (options.depth ?? 1); level++) {
    const issuer = intermediates[level - 1] ?? root;
    intermediates.push(await createTestCertificate({ keyType: caKeyType, isCa: true, issuer, notAfter: new Date(Date.now() + 1825 * TEST_DAY_MS) }));
  }
  const leaf = await createTestCertificate({ ...options.leaf, keyType: options.leafKeyType ?? 'p256', issuer: intermediates.at(-1) ?? root });
  return { root, intermediates, leaf };
}

/** The chain field as servers want it: the leaf's issuer first, up to (excluding) the root. */
export function chainPemOf(chain: TestChain): string {
  return [...chain.intermediates].reverse().map((cert) => cert.certificatePem).join('');
}
