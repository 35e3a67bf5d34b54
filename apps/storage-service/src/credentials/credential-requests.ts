import type { CredentialCreateRequest, CredentialResolveRequest } from '@certhub/contracts';

const ID = /^[A-Za-z0-9_-]{8,64}$/;
const TENANT = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/** RPC payloads come off the bus: check their shape before they reach a query (no operator injection). */
export function credentialCreateProblem(request: CredentialCreateRequest | undefined): string | null {
  if (typeof request !== 'object' || request === null) return 'not an object';
  if (typeof request.id !== 'string' || !ID.test(request.id)) return 'id must be 8-64 letters, digits, _ or -';
  if (typeof request.tenantId !== 'string' || !TENANT.test(request.tenantId)) return 'tenantId is not a valid tenant id';
  if (typeof request.description !== 'string' || request.description.length > 256) return 'description must be a string of at most 256 characters';
  if (request.kind === 'token') {
    return typeof request.tokenHash === 'string' && SHA256_HEX.test(request.tokenHash) ? null : 'tokenHash must be SHA-256 hex';
  }
  if (request.kind === 'access-key') {
    const sealed = request.sealedSecret;
    return sealed && typeof sealed === 'object' && typeof sealed.ciphertext === 'string' ? null : 'sealedSecret is required';
  }
  return 'kind must be token or access-key';
}

export function isCredentialResolveRequest(request: unknown): request is CredentialResolveRequest {
  if (typeof request !== 'object' || request === null) return false;
  const candidate = request as Record<string, unknown>;
  if (candidate['kind'] === 'token') return typeof candidate['tokenHash'] === 'string' && SHA256_HEX.test(candidate['tokenHash']);
  return candidate['kind'] === 'access-key' && typeof candidate['id'] === 'string' && ID.test(candidate['id']);
}
