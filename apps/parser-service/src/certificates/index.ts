export { inspectImport, type ImportMaterial, type InspectedImport } from './inspect-import';
