import { CerthubError, ERROR_CODES, isErrorCode } from '@certhub/contracts';
import type { Request } from 'express';
import fc from 'fast-check';
import { readCreateUserCertificate } from './alibaba-cas/create-user-certificate.request';
import { createValidationPipe } from './errors/validation.pipe';
import { ERROR_RENDERERS } from './errors/renderers';
import { readCreateCertificateRequest } from './huawei-apig/huawei-apig-request';
import { readImportRequest } from './huawei-scm/huawei-scm-import.request';
import { RainbondCertificateBody } from './rainbond/dto/rainbond-certificate.body';

/** Accepted, or refused with a catalogued CerthubError: the only two ways a body may leave a reader. */
async function expectAcceptedOrCatalogued(read: () => unknown): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!(error instanceof CerthubError) || !isErrorCode(error.code)) throw error;
  }
}

/** JSON-like values with the field names each dialect reads, so generated bodies reach the field checks. */
const FIELDS = ['alias', 'private_key', 'certificate', 'certificate_type', 'name', 'cert_content', 'type', 'instance_id',
  'trusted_root_ca', 'certificate_chain', '$gt', '__proto__', 'constructor'];
const body = fc.oneof(
  fc.anything(),
  fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(fc.string(), fc.anything(), fc.constant({ $gt: '' })), { maxKeys: 8 }),
);

describe('dialect request readers under generated bodies', () => {
  it('Rainbond: the validation pipe accepts or answers INVALID_REQUEST', async () => {
    const pipe = createValidationPipe();
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        await expectAcceptedOrCatalogued(() => pipe.transform(value, { type: 'body', metatype: RainbondCertificateBody }));
      }),
      { numRuns: 500 },
    );
  });

  it('Huawei APIG and SCM: the body readers accept or answer a catalogued error', async () => {
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        await expectAcceptedOrCatalogued(() => readCreateCertificateRequest(value));
        await expectAcceptedOrCatalogued(() => readImportRequest(value));
      }),
      { numRuns: 500 },
    );
  });

  it('Alibaba CAS: the parameter reader accepts or answers a catalogued error', async () => {
    const parameters = fc.dictionary(fc.constantFrom('Cert', 'Key', 'Name', 'Lang', 'SourceIp', 'Other'), fc.string({ unit: 'binary' }));
    await fc.assert(
      fc.asyncProperty(parameters, async (value) => {
        await expectAcceptedOrCatalogued(() => readCreateUserCertificate(new Map(Object.entries(value))));
      }),
      { numRuns: 500 },
    );
  });
});

describe('error renderers', () => {
  const request = { path: '/', url: '/', originalUrl: '/', query: {}, body: {}, header: () => undefined, headers: {}, method: 'POST' } as unknown as Request;

  it.each(Object.keys(ERROR_RENDERERS))('%s renders every catalogued code with a 4xx/5xx status and a body', (dialect) => {
    const render = ERROR_RENDERERS[dialect as keyof typeof ERROR_RENDERERS];
    for (const code of ERROR_CODES) {
      const rendered = render({ code, message: `a ${code} happened` }, request, 'request-1');
      expect(rendered.status).toBeGreaterThanOrEqual(400);
      expect(rendered.status).toBeLessThan(600);
      expect(rendered.body).toBeTruthy();
    }
  });
});
