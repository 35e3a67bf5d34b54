import type * as x509 from '@peculiar/x509';

/**
 * The ASN.1 tree @peculiar/x509 decodes a certificate into (its `Certificate` class). The library keeps the tree
 * protected and does not list the package that defines its type among ours, so the type is read off the library's
 * own generic base class. It lives here, below both certificate/ and names/, so describing a name needs the shape
 * of the tree without importing the certificate that is described with it.
 */
export type CertificateStructure = x509.X509Certificate extends x509.PemData<infer Structure> ? Structure : never;
