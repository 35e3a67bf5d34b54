/** A distinguished name with each attribute kept as a list, because X.509 allows repeated attributes. */
export interface DistinguishedName {
  /** RFC 4514 string form, most significant RDN last, as `openssl x509 -nameopt RFC2253` prints it. */
  readonly text: string;
  readonly commonName: readonly string[];
  readonly organization: readonly string[];
  readonly organizationalUnit: readonly string[];
  readonly locality: readonly string[];
  readonly state: readonly string[];
  readonly country: readonly string[];
}

export type KeyType = 'RSA' | 'EC' | 'Ed25519';

export interface PublicKeyInfo {
  readonly type: KeyType;
  /** Bits: modulus size for RSA, field size for EC, 256 for Ed25519. */
  readonly size: number;
  /** Named curve for EC keys: 'P-256' | 'P-384'. */
  readonly curve?: string;
}

export interface SubjectAltNames {
  readonly dns: readonly string[];
  readonly ip: readonly string[];
  readonly email: readonly string[];
  readonly uri: readonly string[];
}

/** RSASSA-PSS-params (RFC 4055), with OIDs in dotted form. */
export interface RsaPssParameters {
  readonly hashOid: string;
  /** The hash MGF1 uses: the mask generation function is always MGF1 here, anything else is null. */
  readonly mgf1HashOid: string;
  readonly saltLength: number;
  readonly trailerField: number;
}

/** Everything certhub extracts from one X.509 certificate. */
export interface CertificateMetadata {
  readonly version: number;
  /** Lower-case hex without separators or leading zero bytes; a negative serial (RFC 5280 forbids them, some CAs issued them) has a leading "-", as OpenSSL prints it. */
  readonly serialNumberHex: string;
  /** The same serial as a decimal string (what Huawei APIG shows). */
  readonly serialNumberDecimal: string;
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  /** The subject CN, or null when the subject has none. */
  readonly commonName: string | null;
  readonly subjectAltNames: SubjectAltNames;
  /** Signature algorithm OID, e.g. 1.2.840.113549.1.1.11. */
  readonly signatureAlgorithmOid: string;
  /** OpenSSL's long name, e.g. sha256WithRSAEncryption, ecdsa-with-SHA256, ED25519. */
  readonly signatureAlgorithm: string;
  /**
   * For an RSASSA-PSS signature, its parameters as encoded; null when they are not all explicit and
   * well-formed. Absent for other algorithms, and on certificates stored before it existed.
   */
  readonly rsaPssParameters?: RsaPssParameters | null;
  readonly notBefore: string;
  readonly notAfter: string;
  /** SHA-256 over the DER encoding, lower-case hex. */
  readonly fingerprintSha256: string;
  readonly publicKey: PublicKeyInfo;
  readonly isCa: boolean;
  readonly selfIssued: boolean;
}

/** Metadata for an intermediate or root in the uploaded chain. */
export interface ChainEntryMetadata {
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumberHex: string;
  readonly notBefore: string;
  readonly notAfter: string;
  readonly fingerprintSha256: string;
}
