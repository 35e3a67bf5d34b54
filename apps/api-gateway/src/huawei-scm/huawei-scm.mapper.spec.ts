import type { CertificateStoredEvent } from '@certhub/contracts';
import { generatedName, toImportCommand, toImportResponse } from './huawei-scm.mapper';

const request = { name: 'www', certificate: 'CERT', certificate_chain: 'CHAIN', private_key: 'KEY' };

describe('toImportCommand', () => {
  it('maps the body to a create command for the token tenant, the chain as `chain`', () => {
    expect(toImportCommand('project-a', 'req-1', request)).toEqual({
      requestId: 'req-1',
      tenantId: 'project-a',
      name: 'www',
      certificate: 'CERT',
      privateKey: 'KEY',
      chain: 'CHAIN',
      source: 'huawei-scm',
    });
  });

  it.each(['', '  ', '\\n', '\r\n'])('leaves out a chain that holds nothing (%j)', (chain) => {
    expect(toImportCommand('p', 'r', { ...request, certificate_chain: chain })).not.toHaveProperty('chain');
  });

  it('names a certificate sent with an empty name from its request id', () => {
    const command = toImportCommand('project-a', 'req-1', { ...request, name: '' });
    expect(command.name).toBe(generatedName('project-a', 'req-1'));
    expect(command.name).toMatch(/^cert-[0-9a-f]{16}$/);
  });
});

describe('generatedName', () => {
  it('is the same for the same request (a retry) and differs between requests and tenants', () => {
    expect(generatedName('p', 'r1')).toBe(generatedName('p', 'r1'));
    expect(new Set([generatedName('p', 'r1'), generatedName('p', 'r2'), generatedName('q', 'r1')]).size).toBe(3);
  });
});

describe('toImportResponse', () => {
  it('answers the stored SCM id', () => {
    const stored = { certificate: { scmId: 'scs0000000000042' } } as CertificateStoredEvent;
    expect(toImportResponse(stored)).toEqual({ certificate_id: 'scs0000000000042' });
  });
});
