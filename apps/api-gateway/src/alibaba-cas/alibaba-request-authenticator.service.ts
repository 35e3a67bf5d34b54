import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isAlibabaAccessKeyId } from '../auth/access-key-ids';
import { CredentialResolver } from '../auth/credential-resolver.service';
import type { AlibabaCall } from './alibaba-call';
import { alibabaError } from './alibaba-error-codes';
import { AlibabaNonceCache } from './alibaba-nonce-cache';
import { AlibabaNonceLedger } from './alibaba-nonce-ledger';
import { readV1SignedRequest } from './alibaba-signed-parameters';
import { checkFreshness } from './alibaba-timestamp';
import { readV3SignedRequest } from './alibaba-v3-signed-request';

/**
 * Who signed a request, with signature v1 (HMAC-SHA1 over every parameter) or v3 (ACS3-HMAC-SHA256 over the
 * canonical request): fresh by its timestamp, proven by the AccessKey's secret, used once by its nonce, through
 * the same replay guard whichever version. Resolves with the AccessKey's tenant.
 */
@Injectable()
export class AlibabaRequestAuthenticator {
  constructor(
    private readonly credentials: CredentialResolver,
    private readonly nonces: AlibabaNonceCache,
    private readonly ledger: AlibabaNonceLedger,
  ) {}

  async tenantOf(request: Request, call: AlibabaCall): Promise<string> {
    const signed = call.signatureVersion === 'v3' ? readV3SignedRequest(request) : readV1SignedRequest(request.method, call.parameters);
    checkFreshness(signed.timestamp, Date.now());
    // certhub issues no STS credentials: a token sent with a permanent AccessKey was ignored (and the request
    // answered 200) before; it is refused the way Alibaba refuses a token that is not the key's.
    if (carriesSecurityToken(request, call)) throw alibabaError('InvalidSecurityToken.MismatchWithAccessKey', 'SecurityToken is not supported: certhub issues no STS credentials; sign with a permanent AccessKey.');
    // A Huawei AK is not an Alibaba AccessKeyId (access-key-ids.ts): it is not even looked up.
    const accessKey = isAlibabaAccessKeyId(signed.accessKeyId) ? await this.credentials.accessKey(signed.accessKeyId) : null;
    if (!accessKey) throw alibabaError('InvalidAccessKeyId.NotFound');
    // Alibaba's own message quotes the server's StringToSign; certhub does not, since it holds the private key.
    if (!signed.signedWith(accessKey.secret)) throw alibabaError('SignatureDoesNotMatch');
    // Only a verified request spends its nonce, so nobody can burn another client's nonces.
    // The local cache throttles and answers replays to this instance at once; the ledger makes the guard
    // hold across instances and restarts.
    this.nonces.claim(signed.accessKeyId, signed.nonce, signed.timestamp);
    await this.ledger.claim(signed.accessKeyId, signed.nonce);
    return accessKey.tenantId;
  }
}

function carriesSecurityToken(request: Request, call: AlibabaCall): boolean {
  return call.parameters.get('SecurityToken') !== undefined || request.headers['x-acs-security-token'] !== undefined;
}
