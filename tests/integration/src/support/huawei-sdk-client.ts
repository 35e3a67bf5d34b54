import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core';
import { ClientBuilder } from '@huaweicloud/huaweicloud-sdk-core/ClientBuilder';
import type { HcClient, HttpRequestOptions } from '@huaweicloud/huaweicloud-sdk-core/HcClient';
import type { AccessKeyPair } from './credentials';

/**
 * Huawei's SDK core, unmodified: BasicCredentials (AK, SK, project id) signing with AKSKSigner, sent by HcClient.
 * The SCM and APIG service packages are not on the registry this project installs from, so these two calls
 * hand HcClient the very request options their generated clients build (ScmClient.importCertificate and
 * ApigClient.createCertificateV2 in huaweicloud-sdk-nodejs-v3 3.1.209): method, URL template, content type
 * and the model object as the body. Everything from there on, signing included, is the SDK's.
 */
export function huaweiClient(gatewayUrl: string, key: AccessKeyPair, projectId: string, securityToken?: string): HcClient {
  const credentials = new BasicCredentials().withAk(key.accessKeyId).withSk(key.accessKeySecret).withProjectId(projectId);
  if (securityToken !== undefined) credentials.withSecurityToken(securityToken);
  return new ClientBuilder<HcClient>((client) => client).withCredential(credentials).withEndpoint(gatewayUrl).build();
}

/** ImportCertificateRequestBody as the SCM model serialises it: only the fields that were set. */
export interface ScmImportCertificateModel {
  readonly name: string;
  readonly certificate: string;
  readonly private_key: string;
  readonly certificate_chain?: string;
  readonly duplicate_check?: boolean;
  readonly enterprise_project_id?: string;
}

/** CertificateForm as the APIG model serialises it. */
export interface ApigCertificateForm {
  readonly name: string;
  readonly cert_content: string;
  readonly private_key: string;
  readonly type?: 'global' | 'instance';
  readonly instance_id?: string;
  readonly algorithm_type?: 'RSA' | 'ECC' | 'SM2';
}

/** `ScmClient.importCertificate(new ImportCertificateRequest().withBody(body))`. */
export function scmImportCertificate(client: HcClient, body: ScmImportCertificateModel, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return send(client, {
    method: 'POST',
    url: '/v3/scm/certificates/import',
    contentType: 'application/json',
    queryParams: {},
    pathParams: {},
    headers: { 'Content-Type': 'application/json', ...headers },
    data: body,
  });
}

/** `ApigClient.createCertificateV2(new CreateCertificateV2Request().withBody(form))`; {project_id} comes from the credentials. */
export function apigCreateCertificate(client: HcClient, body: ApigCertificateForm, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  return send(client, {
    method: 'POST',
    url: '/v2/{project_id}/apigw/certificates',
    contentType: 'application/json;charset=UTF-8',
    queryParams: {},
    pathParams: {},
    headers: { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
    data: body,
  });
}

/** As the generated clients do: `options['responseHeaders'] = ['']`, then hcClient.sendRequest(options). */
function send(client: HcClient, options: HttpRequestOptions): Promise<Record<string, unknown>> {
  return client.sendRequest({ ...options, responseHeaders: [''] } as HttpRequestOptions);
}

/** What the SDK throws for an error answer: ClientRequestException / ServerResponseException. */
export interface HuaweiSdkError {
  readonly httpStatusCode: number;
  readonly errorCode: string;
  readonly errorMsg: string;
}

export async function huaweiSdkFailure(call: Promise<unknown>): Promise<HuaweiSdkError & { type: string }> {
  const outcome = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (outcome === null) throw new Error('the call succeeded');
  const { httpStatusCode, errorCode, errorMsg } = outcome as HuaweiSdkError;
  return { type: (outcome as object).constructor.name, httpStatusCode, errorCode, errorMsg };
}
