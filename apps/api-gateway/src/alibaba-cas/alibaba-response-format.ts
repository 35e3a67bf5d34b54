import type { Request } from 'express';
import { alibabaError } from './alibaba-error-codes';
import { peekParameter, type AlibabaParameters } from './alibaba-parameters';

export type ResponseFormat = 'JSON' | 'XML';

/**
 * The Format a request asks for. Alibaba's common parameters document XML as the default, and accept the
 * value in any case (its own examples send "json" and "xml"); SDKs always send Format=JSON.
 */
export function responseFormatOf(request: Request): ResponseFormat {
  return peekParameter(request, 'Format')?.toUpperCase() === 'JSON' ? 'JSON' : 'XML';
}

/** The strict check for a request that is going to be served: a Format other than JSON or XML is an error. */
export function checkFormat(parameters: AlibabaParameters): ResponseFormat {
  const format = parameters.get('Format')?.toUpperCase() ?? 'XML';
  if (format !== 'JSON' && format !== 'XML') throw alibabaError('InvalidParameter.Format');
  return format;
}
