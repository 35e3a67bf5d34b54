import type { Request } from 'express';
import { apiOfParameters, checkApi, type CasAction } from './alibaba-api';
import { readParameters, type AlibabaParameters } from './alibaba-parameters';
import { checkFormat, type ResponseFormat } from './alibaba-response-format';
import { apiOfHeaders, isSignatureV3 } from './alibaba-v3-headers';

export type SignatureVersion = 'v1' | 'v3';

/** What a request to "/" asks for, read before anyone is authenticated. */
export interface AlibabaCall {
  readonly signatureVersion: SignatureVersion;
  /** Query and form parameters, as sent. */
  readonly parameters: AlibabaParameters;
  readonly format: ResponseFormat;
  readonly action: CasAction;
}

/**
 * The first checks, in Alibaba's order: parameters readable, Format, then which API (InvalidVersion,
 * InvalidAction.NotFound), so that a call certhub does not serve is answered before its signature is looked at.
 */
export function readCall(request: Request): AlibabaCall {
  const parameters = readParameters(request);
  const v3 = isSignatureV3(request);
  const format = checkFormat(parameters, v3 ? 'JSON' : 'XML');
  const action = checkApi(v3 ? apiOfHeaders(request, parameters) : apiOfParameters(parameters));
  return { signatureVersion: v3 ? 'v3' : 'v1', parameters, format, action };
}
