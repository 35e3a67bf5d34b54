import { createTestCertificate, type TestCertificate } from '@certhub/testing';
import fc from 'fast-check';
import { inspectionOutcome } from './inspect-import.spec-support';

/**
 * Property: whatever text arrives in any field, inspection either succeeds or throws a CerthubError with a
 * catalogued code (which every dialect can render); never any other exception, never a hang.
 */
describe('inspectImport under generated input', () => {
  let valid: TestCertificate;
  beforeAll(async () => (valid = await createTestCertificate({ keyType: 'p256' })));

  /** Text that looks like PEM often enough to get past the first checks. */
  const pemLike = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.base64String({ maxLength: 400 }).map((body) => `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`),
    fc.base64String({ maxLength: 400 }).map((body) => `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n`),
    fc.constantFrom('-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '\\n', '"', '\r\n', ''),
  );

  it('answers arbitrary certificate, key and chain text with a catalogued error', async () => {
    await fc.assert(
      fc.asyncProperty(pemLike, pemLike, fc.option(pemLike, { nil: undefined }), async (certificate, privateKey, chain) => {
        expect(await inspectionOutcome({ certificate, privateKey, chain })).not.toBe('accepted');
      }),
      { numRuns: 300 },
    );
  });

  it('answers a real certificate with bytes flipped, cut or appended with a catalogued error or success', async () => {
    const mutations = fc.record({
      target: fc.constantFrom('certificate', 'privateKey'),
      at: fc.nat(),
      kind: fc.constantFrom('flip', 'cut', 'append'),
      text: fc.string({ minLength: 1, maxLength: 20 }),
    });
    await fc.assert(
      fc.asyncProperty(mutations, async ({ target, at, kind, text }) => {
        const original = target === 'certificate' ? valid.certificatePem : valid.privateKeyPem;
        const index = at % original.length;
        const mutated =
          kind === 'flip'
            ? original.slice(0, index) + String.fromCharCode(original.charCodeAt(index) ^ 0x01) + original.slice(index + 1)
            : kind === 'cut'
              ? original.slice(0, index)
              : original + text;
        const material = { certificate: valid.certificatePem, privateKey: valid.privateKeyPem, [target]: mutated };
        await inspectionOutcome(material);
      }),
      { numRuns: 300 },
    );
  });
});
