import { hostnameCandidates } from './hostname-match';

describe('hostnameCandidates', () => {
  it('finds a host by its own name and by the wildcard one label up', () => {
    expect(hostnameCandidates('a.example.com')).toEqual(['a.example.com', '*.example.com']);
  });

  it('lets a wildcard cover one label only, as TLS does', () => {
    expect(hostnameCandidates('b.a.example.com')).toEqual(['b.a.example.com', '*.a.example.com']);
    expect(hostnameCandidates('b.a.example.com')).not.toContain('*.example.com');
  });

  it('never offers a wildcard over a top-level domain, nor for a single label', () => {
    expect(hostnameCandidates('example.com')).toEqual(['example.com']);
    expect(hostnameCandidates('localhost')).toEqual(['localhost']);
  });

  it('looks a wildcard up as itself', () => {
    expect(hostnameCandidates('*.example.com')).toEqual(['*.example.com']);
  });
});
