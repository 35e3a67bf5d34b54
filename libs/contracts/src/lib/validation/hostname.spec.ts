import { normalizeHostname } from './hostname';

describe('normalizeHostname', () => {
  it('lower-cases and drops a trailing dot', () => {
    expect(normalizeHostname('WWW.Example.COM.')).toBe('www.example.com');
    expect(normalizeHostname('*.Example.com')).toBe('*.example.com');
    expect(normalizeHostname('_acme.xn--bcher-kva.example')).toBe('_acme.xn--bcher-kva.example');
  });

  it.each(['', '.', 'a..b', '-a.com', 'a-.com', 'a.*.com', 'a*.com', '*', '**.a.com', 'a b.com', 'a/b', `${'a'.repeat(64)}.com`, `${'a.'.repeat(127)}com`])(
    'refuses %j',
    (raw) => expect(normalizeHostname(raw)).toBeNull(),
  );
});
