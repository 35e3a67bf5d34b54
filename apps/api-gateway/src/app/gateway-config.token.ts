export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
export const STORAGE_RPC = Symbol('STORAGE_RPC');
