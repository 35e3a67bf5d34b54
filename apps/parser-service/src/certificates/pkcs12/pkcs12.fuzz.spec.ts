import { createTestCertificate, exportPkcs12 } from '@certhub/testing';
import fc from 'fast-check';
import { inspectionOutcome } from '../inspect-import.spec-support';

/**
 * Property: a PKCS#12 bundle with any byte changed, cut short or extended, or any passphrase, is imported or
 * refused with a catalogued code; the decoder never throws anything else and never hangs.
 */
describe('PKCS#12 bundles under generated damage', () => {
  let bundles: Buffer[];
  beforeAll(async () => {
    const cert = await createTestCertificate({ keyType: 'p256' });
    bundles = (['aes256', 'des3'] as const).map((encryption) => Buffer.from(exportPkcs12(cert, 'fuzz', { encryption }), 'base64'));
  });

  it('answers a damaged bundle, or a bundle with another passphrase, with a catalogued error or success', async () => {
    const damage = fc.record({
      bundle: fc.constantFrom(0, 1),
      at: fc.nat(),
      kind: fc.constantFrom('xor', 'cut', 'append', 'none'),
      byte: fc.integer({ min: 1, max: 255 }),
      passphrase: fc.oneof(fc.constant('fuzz'), fc.string({ maxLength: 12 })),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ bundle, at, kind, byte, passphrase }) => {
        const original = bundles[bundle] as Buffer;
        const index = at % original.length;
        const damaged = Buffer.from(original);
        if (kind === 'xor') damaged[index] ^= byte;
        const bytes = kind === 'cut' ? damaged.subarray(0, index) : kind === 'append' ? Buffer.concat([damaged, Buffer.from([byte])]) : damaged;
        // INTERNAL would mean something in the decoder threw a non-domain error.
        expect(await inspectionOutcome({ pkcs12: bytes.toString('base64'), passphrase })).not.toBe('INTERNAL');
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
