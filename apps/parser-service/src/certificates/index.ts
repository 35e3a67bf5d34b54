export { uncheckedUpload } from './domain-errors';
export { inspectImport, type ImportMaterial, type InspectedImport } from './inspect-import';
