/**
 * A request's claim of who signed it, whichever signature version it uses: the authenticator checks the
 * timestamp, looks the AccessKey up, asks the request whether the secret reproduces its signature, and spends
 * the nonce, the same way for v1 and v3.
 */
export interface SignedRequest {
  readonly accessKeyId: string;
  readonly nonce: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  /** Whether this AccessKeySecret produces the request's signature (compared in constant time). */
  signedWith(accessKeySecret: string): boolean;
}
