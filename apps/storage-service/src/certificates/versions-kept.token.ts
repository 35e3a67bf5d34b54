/** Injection token: how many versions of each certificate are kept, the current one included (CERTIFICATE_VERSIONS_KEPT). */
export const VERSIONS_KEPT = Symbol('VERSIONS_KEPT');

/** The default of CERTIFICATE_VERSIONS_KEPT in libs/config, for writers built without the configuration (specs). */
export const DEFAULT_VERSIONS_KEPT = 10;
