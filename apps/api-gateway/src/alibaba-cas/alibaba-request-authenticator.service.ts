import { Injectable } from '@nestjs/common';
import { CredentialResolver } from '../auth/credential-resolver.service';
import { alibabaError } from './alibaba-error-codes';
import { AlibabaNonceCache } from './alibaba-nonce-cache';
import type { AlibabaParameters } from './alibaba-parameters';
import { sign, signatureMatches, stringToSign } from './alibaba-signature';
import { readSignedParameters } from './alibaba-signed-parameters';
import { checkFreshness } from './alibaba-timestamp';

/** The AccessKeyIds certhub issues (and storage accepts to look up); anything else names no key. */
export const ACCESS_KEY_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Alibaba RPC signature v1: who signed the request, proven by HMAC-SHA1 over every parameter, fresh by its
 * Timestamp and used once by its SignatureNonce. Resolves with the AccessKey's tenant.
 */
@Injectable()
export class AlibabaRequestAuthenticator {
  constructor(
    private readonly credentials: CredentialResolver,
    private readonly nonces: AlibabaNonceCache,
  ) {}

  async tenantOf(httpMethod: string, parameters: AlibabaParameters): Promise<string> {
    const signed = readSignedParameters(parameters);
    checkFreshness(signed.timestamp, Date.now());
    const accessKey = ACCESS_KEY_ID.test(signed.accessKeyId) ? await this.credentials.accessKey(signed.accessKeyId) : null;
    if (!accessKey) throw alibabaError('InvalidAccessKeyId.NotFound');
    const expected = sign(stringToSign(httpMethod, parameters), accessKey.secret);
    // Alibaba's own message quotes the server's StringToSign; certhub does not, since it holds the private key.
    if (!signatureMatches(signed.signature, expected)) throw alibabaError('SignatureDoesNotMatch');
    // Only a verified request spends its nonce, so nobody can burn another client's nonces.
    this.nonces.claim(signed.accessKeyId, signed.nonce, signed.timestamp);
    return accessKey.tenantId;
  }
}
