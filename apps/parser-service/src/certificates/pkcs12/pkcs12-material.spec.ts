import { CerthubError } from '@certhub/contracts';
import { createTestChain, exportPkcs12, type TestChain } from '@certhub/testing';
import { createPrivateKey } from 'node:crypto';
import { pkcs12Fields } from './pkcs12-material';

let chain: TestChain;
beforeAll(async () => {
  chain = await createTestChain({ depth: 2 });
});

const pemsOf = (text: string) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? [];
const refusal = (run: () => unknown): CerthubError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CerthubError) return error;
    throw error;
  }
  throw new Error('the bundle was accepted');
};

describe('pkcs12Fields', () => {
  it.each(['aes256', 'des3'] as const)('opens a %s bundle from openssl pkcs12 -export: leaf first, then each issuer, and its key', (encryption) => {
    // The chain is given root-side first, the order a careless export uses.
    const bundle = exportPkcs12(chain.leaf, 'pässwörd 1', { chain: [chain.intermediates[0], chain.intermediates[1]], encryption });

    const fields = pkcs12Fields(bundle, 'pässwörd 1');

    expect(pemsOf(fields.certificate)).toEqual([chain.leaf.certificatePem]);
    expect(pemsOf(fields.chain)).toEqual([chain.intermediates[1].certificatePem, chain.intermediates[0].certificatePem]);
    const expected = createPrivateKey(chain.leaf.privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    expect(fields.privateKey.pkcs8Der().equals(expected)).toBe(true);
  });

  it.each(['aes256', 'des3'] as const)('refuses a wrong passphrase of a %s bundle as KEY_ENCRYPTED, saying so', (encryption) => {
    const bundle = exportPkcs12(chain.leaf, 'right', { encryption });
    const error = refusal(() => pkcs12Fields(bundle, 'wrong'));
    expect(error.code).toBe('KEY_ENCRYPTED');
    expect(error.message).toMatch(/passphrase does not open the PKCS#12 bundle/);
  });

  it.each([
    ['an empty passphrase (-passout pass:)', 'aes256', undefined],
    ['an empty passphrase sent as ""', 'aes256', ''],
    ['no encryption and no MAC at all', 'none', undefined],
  ] as const)('opens a bundle with %s, as a PEM upload in clear would be', (_, encryption, passphrase) => {
    const fields = pkcs12Fields(exportPkcs12(chain.leaf, '', { encryption }), passphrase);
    expect(pemsOf(fields.certificate)).toEqual([chain.leaf.certificatePem]);
  });

  it('asks for the passphrase when none was sent', () => {
    const error = refusal(() => pkcs12Fields(exportPkcs12(chain.leaf, 'right'), undefined));
    expect(error).toMatchObject({ code: 'KEY_ENCRYPTED', message: expect.stringMatching(/send it in `passphrase`/) });
  });

  it('refuses a 40-bit RC2 bundle (openssl pkcs12 -legacy) with the reason and how to re-export', () => {
    const error = refusal(() => pkcs12Fields(exportPkcs12(chain.leaf, 'right', { encryption: 'legacy' }), 'right'));
    expect(error.code).toBe('CERT_PARSE_FAILED');
    expect(error.message).toMatch(/40-bit RC2.*Re-export it with a current cipher, e\.g\. `openssl pkcs12 -export -certpbe AES-256-CBC/);
  });

  it('refuses a bundle that asks for more key-derivation work than any exporter uses, before doing it', () => {
    const start = Date.now();
    const error = refusal(() => pkcs12Fields(exportPkcs12(chain.leaf, 'right', { iterations: 1_000_001 }), 'right'));
    expect(error).toMatchObject({ code: 'CERT_PARSE_FAILED', message: expect.stringContaining('asks for 1000001 key-derivation iterations; certhub accepts 1 to 1000000') });
    expect(Date.now() - start).toBeLessThan(20_000);
  });

  it.each([
    ['text that is not base64', 'not base64!', /must be the \.pfx \/ \.p12 file in base64/],
    ['base64 that is no PKCS#12', Buffer.from('hello').toString('base64'), /is not a PKCS#12 bundle/],
  ])('refuses %s as CERT_PARSE_FAILED', (_name, value, message) => {
    expect(refusal(() => pkcs12Fields(value, 'x'))).toMatchObject({ code: 'CERT_PARSE_FAILED', message: expect.stringMatching(message) });
  });
});
