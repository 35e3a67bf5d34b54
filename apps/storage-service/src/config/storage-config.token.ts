/**
 * The validated StorageConfig, provided by StorageModule.forRoot. Outside app/ so that feature folders can
 * inject it without importing from the root that imports them.
 */
export const STORAGE_CONFIG = Symbol('STORAGE_CONFIG');
