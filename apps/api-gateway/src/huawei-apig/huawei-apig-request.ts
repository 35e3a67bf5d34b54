import { CommandLimits } from '@certhub/contracts';
import { ApigParameterErrors as Errors } from './huawei-apig-parameter-errors';

export type ApigCertificateType = 'global' | 'instance';

/** The body of "Creating an SSL Certificate" once every documented rule holds. */
export interface ApigCreateCertificateRequest {
  readonly name: string;
  readonly certContent: string;
  readonly privateKey: string;
  readonly type: ApigCertificateType;
  /** Only for type `instance`. */
  readonly instanceId: string | null;
  readonly trustedRootCa: string | null;
  /** The declared key algorithm, when sent; the answer reports the certificate's real one. */
  readonly algorithmType: ApigAlgorithmType | null;
}

/**
 * `algorithm_type` of the current CertificateForm model: RSA (Huawei's default), ECC or SM2. certhub has no SM2
 * (Chinese national) certificates, whose second certificate and key travel in cert_content_sign/private_key_sign.
 */
export const ALGORITHM_TYPES = ['RSA', 'ECC'] as const;
export type ApigAlgorithmType = (typeof ALGORITHM_TYPES)[number];

export const NAME_LENGTH = { min: 4, max: 50 };
export const NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Gateway ids are 32 hex digits or a UUID; the bound only keeps a label short and log-safe. */
export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
export const INSTANCE_ID_MAX = 64;
export const TYPES: readonly string[] = ['global', 'instance'];

type JsonObject = Readonly<Record<string, unknown>>;

/**
 * Checks the body in the documented field order and fails on the first problem with the APIG code for it, so
 * every bad body (wrong types, operator objects such as {"$gt": ""}, arrays) is a 400 and never reaches the bus.
 * Unknown fields are ignored, as Huawei's gateway ignores them.
 */
export function readCreateCertificateRequest(body: unknown): ApigCreateCertificateRequest {
  if (body === undefined) throw Errors.missing('body');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw Errors.unreadable('The request body must be a JSON object.');
  }
  const fields = body as JsonObject;
  const name = nameOf(fields);
  const certContent = requiredString(fields, 'cert_content', CommandLimits.certificate);
  const privateKey = requiredString(fields, 'private_key', CommandLimits.privateKey);
  const type = typeOf(fields);
  const instanceId = instanceIdOf(fields, type);
  const trustedRootCa = optionalString(fields, 'trusted_root_ca', CommandLimits.chain);
  const algorithmType = algorithmTypeOf(fields);
  return { name, certContent, privateKey, type, instanceId, trustedRootCa, algorithmType };
}

function nameOf(fields: JsonObject): string {
  const name = requiredString(fields, 'name', Number.MAX_SAFE_INTEGER);
  if (name.length < NAME_LENGTH.min) throw Errors.tooShort('name');
  if (name.length > NAME_LENGTH.max) throw Errors.tooLong('name');
  if (!NAME_PATTERN.test(name)) throw Errors.invalidValue('name');
  return name;
}

function typeOf(fields: JsonObject): ApigCertificateType {
  const type = optionalString(fields, 'type', Number.MAX_SAFE_INTEGER) ?? 'global';
  if (!TYPES.includes(type)) throw Errors.outOfRange('type');
  return type as ApigCertificateType;
}

function algorithmTypeOf(fields: JsonObject): ApigAlgorithmType | null {
  const algorithmType = optionalString(fields, 'algorithm_type', Number.MAX_SAFE_INTEGER);
  if (algorithmType !== null && !(ALGORITHM_TYPES as readonly string[]).includes(algorithmType)) throw Errors.outOfRange('algorithm_type');
  return algorithmType as ApigAlgorithmType | null;
}

/** Checked whenever it is sent, but kept only for type `instance`: a global certificate belongs to no gateway. */
function instanceIdOf(fields: JsonObject, type: ApigCertificateType): string | null {
  const instanceId = optionalString(fields, 'instance_id', INSTANCE_ID_MAX);
  if (instanceId === null) {
    if (type === 'instance') throw Errors.missing('instance_id');
    return null;
  }
  if (!INSTANCE_ID_PATTERN.test(instanceId)) throw Errors.invalidId('instance_id');
  return type === 'instance' ? instanceId : null;
}

function requiredString(fields: JsonObject, key: string, maxLength: number): string {
  const value = optionalString(fields, key, maxLength);
  if (value === null) throw Errors.missing(key);
  return value;
}

/** null for an absent, null or empty field (Huawei's Go gateway reads all three as "not given"). */
function optionalString(fields: JsonObject, key: string, maxLength: number): string | null {
  const value = Object.hasOwn(fields, key) ? fields[key] : undefined;
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw Errors.invalidValue(key);
  if (value.length > maxLength) throw Errors.tooLong(key);
  return value;
}
