import { createOpensslCertificate, createTestCertificate, type OpensslCertificate } from '@certhub/testing';
import { inspectImport } from '../index';

const SHA256 = '2.16.840.1.101.3.4.2.1';
const SHA384 = '2.16.840.1.101.3.4.2.2';
const SHA512 = '2.16.840.1.101.3.4.2.3';

/** The RSASSA-PSS parameters the parser records, from certificates OpenSSL signs with PSS. */
describe('metadata.rsaPssParameters', () => {
  let ca: OpensslCertificate;
  beforeAll(() => (ca = createOpensslCertificate({ key: 'rsa:2048', subject: '/CN=PSS CA', extensions: ['basicConstraints=critical,CA:TRUE'] })));

  const pssLeaf = (signing: string[]) => createOpensslCertificate({ key: 'rsa:2048', subject: '/CN=pss.example', issuer: ca, signing });
  const metadataOf = async (upload: { certificatePem: string; privateKeyPem: string }) =>
    (await inspectImport({ certificate: upload.certificatePem, privateKey: upload.privateKeyPem })).metadata;

  it.each([
    ['sha256', SHA256, 32],
    ['sha384', SHA384, 48],
    ['sha512', SHA512, 64],
  ])('reads %s with a salt as long as the hash', async (hash, hashOid, saltLength) => {
    const upload = pssLeaf([`-${hash}`, '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:digest']);
    expect((await metadataOf(upload)).rsaPssParameters).toEqual({ hashOid, mgf1HashOid: hashOid, saltLength, trailerField: 1 });
  });

  it('reads other salt lengths and MGF1 hashes as they are', async () => {
    const upload = pssLeaf(['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:24', '-sigopt', 'rsa_mgf1_md:sha384']);
    expect((await metadataOf(upload)).rsaPssParameters).toEqual({ hashOid: SHA256, mgf1HashOid: SHA384, saltLength: 24, trailerField: 1 });
  });

  it('is null when DER leaves a field out for its default (a 20-byte salt), as Go reads it', async () => {
    const upload = pssLeaf(['-sha256', '-sigopt', 'rsa_padding_mode:pss', '-sigopt', 'rsa_pss_saltlen:20']);
    expect((await metadataOf(upload)).rsaPssParameters).toBeNull();
  });

  it('is absent on certificates signed otherwise', async () => {
    expect(await metadataOf(await createTestCertificate({ keyType: 'rsa2048' }))).not.toHaveProperty('rsaPssParameters');
  });
});
