import { plainToInstance, Transform } from 'class-transformer';
import { Equals, IsObject, IsString, Length, Matches, ValidateBy, ValidateNested } from 'class-validator';
import type { EncryptedKeyEnvelope } from '../models/encrypted-key';

/** A KEK id as `CERTHUB_KEKS` names it (libs/config). */
export const KEK_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Base64 lengths of the envelope's binary fields, as libs/key-envelope writes them (AES-256-GCM). */
export const EnvelopeLimits = {
  /** IV (12 bytes), tag (16) and the encrypted 32-byte data key. */
  wrappedDataKeyLength: 80,
  ivLength: 16,
  authTagLength: 24,
  /**
   * A sealed key is the DER of a PEM of at most CommandLimits.privateKey (16 KiB) characters, so its base64
   * is shorter than that PEM; twice the bound leaves room for a key format converted on the way.
   */
  maxCiphertextLength: 32_768,
} as const;

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Every field of an EncryptedKeyEnvelope, and nothing else. */
export const ENVELOPE_FIELDS = ['algorithm', 'kekId', 'wrappedDataKey', 'iv', 'authTag', 'ciphertext'] as const satisfies readonly (keyof EncryptedKeyEnvelope)[];
const isEnvelopeField = (field: string): boolean => (ENVELOPE_FIELDS as readonly string[]).includes(field);

function IsBase64Field(property: string, min: number, max: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    Length(min, max)(target, key);
    Matches(BASE64, { message: `${property} must be base64` })(target, key);
  };
}

/** EncryptedKeyEnvelope as it may arrive from the bus: every field checked for type, alphabet and length. */
export class SealedEnvelope implements EncryptedKeyEnvelope {
  @Equals('AES-256-GCM')
  readonly algorithm!: 'AES-256-GCM';

  @IsString()
  @Matches(KEK_ID_PATTERN, { message: 'kekId must be 1-32 letters, digits, _ or -' })
  readonly kekId!: string;

  @IsBase64Field('wrappedDataKey', EnvelopeLimits.wrappedDataKeyLength, EnvelopeLimits.wrappedDataKeyLength)
  readonly wrappedDataKey!: string;

  @IsBase64Field('iv', EnvelopeLimits.ivLength, EnvelopeLimits.ivLength)
  readonly iv!: string;

  @IsBase64Field('authTag', EnvelopeLimits.authTagLength, EnvelopeLimits.authTagLength)
  readonly authTag!: string;

  @IsBase64Field('ciphertext', 1, EnvelopeLimits.maxCiphertextLength)
  readonly ciphertext!: string;
}

/**
 * A nested envelope. Unknown fields are refused here rather than dropped (validatePayload drops unknown
 * fields elsewhere): storage writes the envelope it was given, and silently losing a field a newer sealer
 * added would leave a key that no longer opens. The field check runs before the nested validation, which is
 * when the extra fields are still there to be seen.
 */
export function IsSealedEnvelope(): PropertyDecorator {
  return (target, key) => {
    IsObject()(target, key);
    ValidateBy({
      name: 'hasOnlyEnvelopeFields',
      validator: {
        validate: (value: unknown) =>
          typeof value !== 'object' || value === null || Object.keys(value).every(isEnvelopeField),
        defaultMessage: () => `${String(key)} may hold ${ENVELOPE_FIELDS.join(', ')} only`,
      },
    })(target, key);
    ValidateNested()(target, key);
    // Not @Type: it reads decorator metadata at load time, so every importer of contracts would need
    // reflect-metadata loaded first (the admin command does not).
    Transform(({ value }: { value: unknown }) => (isPlainObject(value) ? plainToInstance(SealedEnvelope, value) : value))(target, key);
  };
}

/**
 * The six fields as a plain object, for a validated SealedEnvelope (a class instance) about to be stored:
 * what the database holds is exactly what was checked, whatever the driver makes of class instances.
 */
export function plainEnvelope(envelope: EncryptedKeyEnvelope): EncryptedKeyEnvelope {
  const { algorithm, kekId, wrappedDataKey, iv, authTag, ciphertext } = envelope;
  return { algorithm, kekId, wrappedDataKey, iv, authTag, ciphertext };
}
