import { apiOfParameters, checkApi } from './alibaba-api';
import { readSignedParameters } from './alibaba-signed-parameters';

const valid = {
  AccessKeyId: 'LTAIabcdefghijklmnopqrst', SignatureMethod: 'HMAC-SHA1', SignatureVersion: '1.0',
  SignatureNonce: 'e80545d8919801347b25f1e4683a8aea', Timestamp: '2024-01-01T12:00:00Z', Signature: 'CT9X0VtwR86fNWSnsc6v8YGOjuE=',
};

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { dialectCode?: string }).dialectCode;
  }
  return undefined;
}

const signed = (parameters: Record<string, string | undefined>) =>
  codeOf(() => readSignedParameters(new Map(Object.entries(parameters).filter((e): e is [string, string] => e[1] !== undefined))));

describe('signature v1 common parameters', () => {
  it('reads them', () => {
    expect(readSignedParameters(new Map(Object.entries(valid)))).toEqual({
      accessKeyId: valid.AccessKeyId, signature: valid.Signature, nonce: valid.SignatureNonce, timestamp: Date.UTC(2024, 0, 1, 12),
    });
  });

  it('defaults SignatureMethod and SignatureVersion when they are left out', () => {
    expect(signed({ ...valid, SignatureMethod: undefined, SignatureVersion: undefined })).toBeUndefined();
  });

  it.each([
    [{ SignatureMethod: 'HMAC-SHA256' }, 'InvalidSignatureMethod'],
    [{ SignatureVersion: '3.0' }, 'InvalidSignatureVersion'],
    [{ AccessKeyId: undefined }, 'MissingAccessKeyId'],
    [{ SignatureNonce: '' }, 'MissingSignatureNonce'],
    [{ SignatureNonce: 'n'.repeat(129) }, 'InvalidSignatureNonce'],
    [{ Timestamp: undefined }, 'MissingTimestamp'],
    [{ Timestamp: '2024-01-01T12:00:00.123Z' }, 'InvalidTimeStamp.Format'],
    [{ Signature: undefined }, 'MissingSignature'],
    [{ Signature: 'not-a-signature' }, 'IncompleteSignature'],
  ])('%o → %s', (change, code) => {
    expect(signed({ ...valid, ...change })).toBe(code);
  });
});

describe('Action and Version', () => {
  const api = (parameters: Record<string, string>) => codeOf(() => checkApi(apiOfParameters(new Map(Object.entries(parameters)))));

  it('serves CreateUserCertificate of 2018-07-13 and UploadUserCertificate of 2020-04-07, case-sensitively', () => {
    expect(api({ Action: 'CreateUserCertificate', Version: '2018-07-13' })).toBeUndefined();
    expect(api({ Action: 'UploadUserCertificate', Version: '2020-04-07' })).toBeUndefined();
    expect(api({ Version: '2018-07-13' })).toBe('MissingAction');
    expect(api({ Action: 'CreateUserCertificate' })).toBe('MissingVersion');
    expect(api({ Action: 'CreateUserCertificate', Version: '2019-01-01' })).toBe('InvalidVersion');
    expect(api({ Action: 'CreateUserCertificate', Version: '2020-04-07' })).toBe('InvalidAction.NotFound');
    expect(api({ Action: 'UploadUserCertificate', Version: '2018-07-13' })).toBe('InvalidAction.NotFound');
    expect(api({ Action: 'createusercertificate', Version: '2018-07-13' })).toBe('InvalidAction.NotFound');
    expect(api({ Action: 'DeleteUserCertificate', Version: '2018-07-13' })).toBe('InvalidAction.NotFound');
  });
});
