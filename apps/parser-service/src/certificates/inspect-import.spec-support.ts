import { CerthubError, isErrorCode, type ErrorCode } from '@certhub/contracts';
import { inspectImport, type ImportMaterial } from './index';

/** The CerthubError an upload is refused with; anything else (acceptance, another exception) fails the test. */
export async function inspectionFailure(material: ImportMaterial, now?: Date): Promise<CerthubError> {
  const outcome = await inspectImport(material, now).then(
    () => new Error('inspectImport accepted the upload'),
    (error: unknown) => error,
  );
  if (outcome instanceof CerthubError) return outcome;
  throw outcome;
}

export async function expectInspectionFailure(material: ImportMaterial, code: ErrorCode, message?: RegExp | string): Promise<void> {
  const error = await inspectionFailure(material);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}

/**
 * 'accepted', or the catalogued code the upload was refused with (and a message for it); anything thrown that
 * is not a CerthubError fails the test.
 */
export async function inspectionOutcome(material: ImportMaterial): Promise<ErrorCode | 'accepted'> {
  try {
    await inspectImport(material);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof CerthubError) || !isErrorCode(error.code)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    return error.code;
  }
}

/** The DER inside a PEM block. */
export const derOf = (pem: string): Buffer => Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
