/**
 * A private key under envelope encryption: the key is sealed with a per-certificate data key (AES-256-GCM),
 * and the data key is sealed with the key-encryption key named by `kekId`. All binary fields are base64.
 */
export interface EncryptedKeyEnvelope {
  readonly algorithm: 'AES-256-GCM';
  readonly kekId: string;
  readonly wrappedDataKey: string;
  readonly iv: string;
  readonly authTag: string;
  readonly ciphertext: string;
}
