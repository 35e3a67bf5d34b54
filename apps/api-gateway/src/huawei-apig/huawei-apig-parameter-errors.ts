import { DialectError } from '../errors/dialect-error';

/** Huawei's own wording for parameter errors, e.g. "Invalid parameter value,parameterName:name. Please refer …". */
const about = (text: string, parameter: string) => `${text},parameterName:${parameter}. Please refer to the support documentation`;

const invalid = (apigCode: string, message: string) => new DialectError('INVALID_REQUEST', message, apigCode);

/**
 * One factory per APIG.20xx code in Huawei's error-code table, so each parameter problem is answered with the
 * code Huawei uses for it (the choices are listed in docs/dialects/huawei-apig.md).
 */
export const ApigParameterErrors = {
  /** APIG.2000: the body cannot be read as parameters at all (not a JSON object). */
  unreadable: (detail: string) => invalid('APIG.2000', `Parameter error. ${detail}`),
  /** APIG.2001: a mandatory parameter (or the whole body) is absent, null or empty. */
  missing: (parameter: string) => invalid('APIG.2001', about('The request parameters must be specified', parameter)),
  /** APIG.2004: a value outside an enumeration. */
  outOfRange: (parameter: string) => invalid('APIG.2004', about('The parameter value is outside the allowable range', parameter)),
  /** APIG.2005 */
  tooShort: (parameter: string) => invalid('APIG.2005', about('The parameter is too short', parameter)),
  /** APIG.2006 */
  tooLong: (parameter: string) => invalid('APIG.2006', about('The parameter is too long', parameter)),
  /** APIG.2011: the value breaks the parameter's rule (wrong JSON type, forbidden characters). */
  invalidValue: (parameter: string) => invalid('APIG.2011', about('Invalid parameter value', parameter)),
  /** APIG.2012: Huawei's code for malformed resource ids (its examples use it for *_id parameters). */
  invalidId: (parameter: string) => invalid('APIG.2012', about('Invalid parameter value', parameter)),
} as const;
