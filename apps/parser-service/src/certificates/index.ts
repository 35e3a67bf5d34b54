// One room per concept an upload passes through; each room imports only rooms listed below it, so the rooms
// form no cycle (key/ may use chain/, never the other way round):
//   key/          the private key field, and whether the key fits the certificate
//   chain/        the intermediates: copies dropped, each link's names and signature checked
//   certificate/  the fields that hold certificates, each certificate parsed once, the metadata the contract records
//   names/        distinguished names, printed and compared the way OpenSSL does
//   pem/          PEM text in and out
//   asn1/         DER read by hand, and the type of the tree @peculiar/x509 decodes
// inspect-import.ts walks an upload through them in form order; domain-errors.ts turns stray failures into codes.
export { uncheckedUpload } from './domain-errors';
export { inspectImport, type ImportMaterial, type InspectedImport } from './inspect-import';
