// One room per concept an upload passes through; each room imports only rooms listed below it, so the rooms
// form no cycle (key/ may use chain/, never the other way round):
//   pkcs12/       a .pfx / .p12 bundle opened into the fields below (certificate, chain, key)
//   key/          the private key field, and whether the key fits the certificate
//   chain/        the intermediates: copies dropped, each link's names and signature checked
//   certificate/  the fields that hold certificates, each certificate parsed once, the metadata the contract records
//   names/        distinguished names, printed and compared the way OpenSSL does
//   pem/          PEM text in and out
//   asn1/         DER read by hand, and the type of the tree @peculiar/x509 decodes
// check-upload.ts walks an upload through them in form order, collecting every problem; inspect-import.ts
// refuses an import at the first one and answers a dry run with all; domain-errors.ts turns stray failures into codes.
export { uncheckedUpload } from './domain-errors';
export { inspectImport, validateUpload, type ImportMaterial, type InspectedImport } from './inspect-import';
