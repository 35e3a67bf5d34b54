import { readCreateUserCertificate } from './create-user-certificate.request';

const base = { Cert: '-----BEGIN CERTIFICATE-----', Key: '-----BEGIN PRIVATE KEY-----', Name: 'www' };
const read = (parameters: Record<string, string>) => readCreateUserCertificate(new Map(Object.entries(parameters)));

function codeAndMessage(parameters: Record<string, string>): [string | undefined, string] {
  try {
    read(parameters);
  } catch (error) {
    return [(error as { dialectCode?: string }).dialectCode, (error as Error).message];
  }
  return [undefined, ''];
}

describe('CreateUserCertificate parameters', () => {
  it('takes Cert, Key and Name as sent, and accepts valid Lang and SourceIp', () => {
    expect(read({ ...base, Lang: 'zh', SourceIp: '2001:db8::1' })).toEqual({ cert: base.Cert, key: base.Key, name: 'www' });
  });

  it.each(['Cert', 'Key', 'Name'])('answers Missing%s when it is absent or empty', (name) => {
    expect(codeAndMessage({ ...base, [name]: '' })[0]).toBe(`Missing${name}`);
    const without: Record<string, string> = { ...base };
    delete without[name];
    expect(codeAndMessage(without)).toEqual([`Missing${name}`, `${name} is mandatory for this action.`]);
  });

  it.each([
    ['a Name of 256 characters', { Name: 'n'.repeat(256) }, 'Name'],
    ['a Name of spaces only', { Name: '   ' }, 'Name'],
    ['a Cert over 64 KiB', { Cert: 'c'.repeat(65_537) }, 'Cert'],
    ['a Key over 16 KiB', { Key: 'k'.repeat(16_385) }, 'Key'],
    ['a Lang that is no language code', { Lang: 'zh;drop' }, 'Lang'],
    ['a SourceIp that is no address', { SourceIp: '1.2.3.400' }, 'SourceIp'],
  ])('refuses %s with InvalidParameter naming it', (_label, change, name) => {
    const [code, message] = codeAndMessage({ ...base, ...change });
    expect(code).toBe('InvalidParameter');
    expect(message).toContain(name);
  });
});
