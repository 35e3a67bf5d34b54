import { CerthubError } from '@certhub/contracts';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isHuaweiAccessKeyId } from '../access-key-ids';
import { signaturesEqual } from '../constant-time';
import { CredentialResolver } from '../credential-resolver.service';
import { rawBodyOf, sha256Hex } from '../raw-body';
import { queryPairsOf, rawPathOf } from '../rfc3986';
import { HUAWEI_SIGNING_ALGORITHM, readHuaweiAuthorization } from './huawei-authorization';
import { huaweiCanonicalRequest, huaweiSignature, huaweiStringToSign } from './huawei-canonical-request';
import { iamAuthenticationFailed } from './huawei-iam-error';
import { formatSdkDate, isFresh, parseSdkDate } from './huawei-sdk-date';

/**
 * Huawei AK/SK (SDK-HMAC-SHA256), as Huawei's SDKs, Terraform and the CLI sign: the request's canonical form
 * signed with the SK of the AK named in Authorization. Resolves with the AK's tenant. Huawei's scheme has no
 * nonce: a request replayed within the 15-minute window carries the same body, so it can only repeat an
 * import (a second one with the same name is a name conflict; with the same Idempotency-Key, the first answer).
 */
@Injectable()
export class HuaweiAkskAuthenticator {
  constructor(private readonly credentials: CredentialResolver) {}

  async tenantOf(request: Request, now = Date.now()): Promise<string> {
    if (request.header('x-security-token') !== undefined) {
      throw iamAuthenticationFailed(
        'temporary AK/SK (X-Security-Token) is not supported by certhub; sign with a permanent AK/SK from `npm run admin -- create-access-key --cloud huawei`',
      );
    }
    const authorization = readHuaweiAuthorization(request.header('authorization') ?? '');
    if (typeof authorization === 'string') throw iamAuthenticationFailed(authorization);
    if (authorization.algorithm !== HUAWEI_SIGNING_ALGORITHM) {
      throw iamAuthenticationFailed(`unsupported signing algorithm, only ${HUAWEI_SIGNING_ALGORITHM} is accepted`);
    }
    const sdkDate = request.header('x-sdk-date') ?? '';
    const signedAt = parseSdkDate(sdkDate);
    if (signedAt === null) throw iamAuthenticationFailed('X-Sdk-Date must be YYYYMMDDTHHMMSSZ (UTC)');
    if (!isFresh(signedAt, now)) throw iamAuthenticationFailed(`signature expired, signature time:${sdkDate},server time:${formatSdkDate(now)}`);
    if (!authorization.signedHeaders.includes('host')) throw iamAuthenticationFailed('SignedHeaders must include host');
    const signedHeaders = authorization.signedHeaders.map((name): [string, string] => {
      const value = request.header(name);
      if (value === undefined) throw iamAuthenticationFailed(`the signed header ${name} is missing`);
      return [name, value];
    });
    const payloadHash = this.payloadHashOf(request);

    const { accessKeyId } = authorization;
    const accessKey = isHuaweiAccessKeyId(accessKeyId) ? await this.credentials.accessKey(accessKeyId) : null;
    if (!accessKey) throw iamAuthenticationFailed(`Get secretKey failed,ak:${isHuaweiAccessKeyId(accessKeyId) ? accessKeyId : '******'},err:ak not exist`);
    const url = request.originalUrl ?? request.url;
    const canonical = huaweiCanonicalRequest({ method: request.method, rawPath: rawPathOf(url), query: queryPairsOf(url), signedHeaders, payloadHash });
    const expected = huaweiSignature(accessKey.secret, huaweiStringToSign(sdkDate, canonical));
    // Huawei's own message for this case; certhub does not echo its canonical request (the body holds a private key).
    if (!signaturesEqual(authorization.signature, expected)) throw iamAuthenticationFailed('verify aksk signature fail');
    return accessKey.tenantId;
  }

  /**
   * The SHA-256 of the body bytes. A body no parser read cannot be checked, so it is refused as a bad request;
   * X-Sdk-Content-Sha256 (which SDKs send for non-JSON bodies) must equal the real hash: UNSIGNED-PAYLOAD
   * would leave the certificate and key unsigned.
   */
  private payloadHashOf(request: Request): string {
    const body = rawBodyOf(request);
    if (body === null) throw new CerthubError('INVALID_REQUEST', 'The request body must be JSON (Content-Type: application/json).');
    const payloadHash = sha256Hex(body);
    const declared = request.header('x-sdk-content-sha256');
    if (declared === 'UNSIGNED-PAYLOAD') throw iamAuthenticationFailed('unsigned payloads (X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD) are not accepted');
    if (declared !== undefined && declared !== payloadHash) throw iamAuthenticationFailed('verify aksk signature fail (X-Sdk-Content-Sha256 is not the body hash)');
    return payloadHash;
  }
}
