import type { Request } from 'express';
import { alibabaError } from './alibaba-error-codes';
import { peekParameter, type AlibabaParameters } from './alibaba-parameters';
import { isSignatureV3 } from './alibaba-v3-headers';

export type ResponseFormat = 'JSON' | 'XML';

/**
 * The Format a request asks for when it names none: XML, the documented default of the RPC common parameters,
 * for signature v1; JSON for signature v3, whose SDKs send no Format and read every answer, errors included,
 * as JSON (they parse XML only when the content type is exactly text/xml).
 */
export function defaultFormatOf(request: Request): ResponseFormat {
  return isSignatureV3(request) ? 'JSON' : 'XML';
}

/** The Format of an error response, which must work even for a request refused for its parameters. */
export function responseFormatOf(request: Request): ResponseFormat {
  const asked = peekParameter(request, 'Format')?.toUpperCase();
  return asked === 'JSON' || asked === 'XML' ? asked : defaultFormatOf(request);
}

/**
 * The strict check for a request that is going to be served: a Format other than JSON or XML, in any case
 * (Alibaba's own examples send "json" and "xml"), is an error.
 */
export function checkFormat(parameters: AlibabaParameters, defaultFormat: ResponseFormat): ResponseFormat {
  const format = parameters.get('Format')?.toUpperCase() ?? defaultFormat;
  if (format !== 'JSON' && format !== 'XML') throw alibabaError('InvalidParameter.Format');
  return format;
}
