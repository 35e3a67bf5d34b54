import { servedHostnames } from './served-hostnames';

describe('servedHostnames', () => {
  it('takes the DNS SANs and ignores the common name when there are any (RFC 6125 §6.4.4)', () => {
    expect(servedHostnames('c-ipsan.example.com', ['ip.example.com'])).toEqual(['ip.example.com']);
  });

  it('takes the common name when there is no DNS SAN', () => {
    expect(servedHostnames('Shop.Example.com', [])).toEqual(['shop.example.com']);
  });

  it('lower-cases and de-duplicates', () => {
    expect(servedHostnames(null, ['dup.example.com', 'DUP.example.com', 'a.example.com'])).toEqual(['dup.example.com', 'a.example.com']);
  });

  it('keeps wildcards that cover one label under at least two', () => {
    expect(servedHostnames(null, ['*.example.com', '*.com', '*', '*.*.example.com', 'f*o.example.com'])).toEqual(['*.example.com']);
  });

  it('leaves out names no client would match', () => {
    const odd = ['bank.example\u0000.attacker.com', 'has space.example.com', '', 'bÃ¼cher.example.com', 'a..example.com', '-lead.example.com', `${'a'.repeat(64)}.example.com`];
    expect(servedHostnames(null, [...odd, 'ok.example.com', 'xn--bcher-kva.example.com', 'internal_host.corp'])).toEqual(['ok.example.com', 'xn--bcher-kva.example.com', 'internal_host.corp']);
  });

  it('does not take a common name that is not a host name', () => {
    expect(servedHostnames('Tester Company Ltd', [])).toEqual([]);
  });
});
