import { readUploadUserCertificate } from './upload-user-certificate.request';

const base = { Name: 'www', Cert: '-----BEGIN CERTIFICATE-----', Key: '-----BEGIN PRIVATE KEY-----' };
const read = (parameters: Record<string, string>) => readUploadUserCertificate(new Map(Object.entries(parameters)));

function codeAndMessage(parameters: Record<string, string>): [string | undefined, string] {
  try {
    read(parameters);
  } catch (error) {
    return [(error as { dialectCode?: string }).dialectCode, (error as Error).message];
  }
  return [undefined, ''];
}

describe('UploadUserCertificate parameters', () => {
  it('takes Name, Cert and Key, and accepts ResourceGroupId and Tags (checked, not stored)', () => {
    const parameters = { ...base, ResourceGroupId: 'rg-aek2abc', 'Tags.1.Key': 'team', 'Tags.1.Value': 'web', 'Tags.20.Key': 'k', RegionId: 'cn-hangzhou' };
    expect(read(parameters)).toEqual({ cert: base.Cert, key: base.Key, name: 'www' });
  });

  it.each(['Name', 'Cert', 'Key'])('answers Missing%s when it is absent, as CreateUserCertificate does', (name) => {
    const without: Record<string, string> = { ...base };
    delete without[name];
    expect(codeAndMessage(without)).toEqual([`Missing${name}`, `${name} is mandatory for this action.`]);
  });

  it('ignores the SM certificate fields when Cert and Key are sent, as the reference says, and refuses an SM-only upload', () => {
    expect(read({ ...base, EncryptCert: 'x', SignPrivateKey: 'y' })).toEqual({ cert: base.Cert, key: base.Key, name: 'www' });
    expect(codeAndMessage({ Name: 'www', EncryptCert: 'x', EncryptPrivateKey: 'y', SignCert: 'z', SignPrivateKey: 'w' })).toEqual([
      'InvalidParameter',
      'SM certificates (EncryptCert, EncryptPrivateKey, SignCert, SignPrivateKey) are not supported by certhub; send Cert and Key.',
    ]);
  });

  it.each([
    ['a Name of 65 characters', { Name: 'n'.repeat(65) }],
    ['a Name of spaces only', { Name: '  ' }],
    ['a Cert over 64 KiB', { Cert: 'c'.repeat(65_537) }],
    ['a ResourceGroupId with a space', { ResourceGroupId: 'rg 1' }],
    ['a tag numbered 21', { 'Tags.21.Key': 'k' }],
    ['a tag value without its key', { 'Tags.1.Value': 'v' }],
    ['a tag key of 129 characters', { 'Tags.1.Key': 'k'.repeat(129) }],
  ])('refuses %s with InvalidParameter', (_label, change) => {
    expect(codeAndMessage({ ...base, ...change })[0]).toBe('InvalidParameter');
  });

  it('accepts a Name of exactly 64 characters', () => {
    expect(read({ ...base, Name: 'n'.repeat(64) }).name).toHaveLength(64);
  });
});
