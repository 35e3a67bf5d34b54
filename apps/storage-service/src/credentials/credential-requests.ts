import { CredentialCreateRequest, plainEnvelope, validatePayload, type ValidationResult } from '@certhub/contracts';

/**
 * A `certhub.rpc.credential.create` payload off the bus, checked against the contract (types, lengths,
 * allowed values) before it reaches a document, so no operator object such as `{"$ne": null}` gets through.
 * The result holds plain values only, and only the secret field of the credential's kind.
 */
export function readCredentialCreate(raw: unknown): ValidationResult<CredentialCreateRequest> {
  const checked = validatePayload(CredentialCreateRequest, raw);
  if (!checked.ok) return checked;
  const { id, kind, tenantId, tokenHash, sealedSecret, description } = checked.value;
  return {
    ok: true,
    value: {
      id,
      kind,
      tenantId,
      tokenHash: kind === 'token' ? tokenHash : null,
      sealedSecret: kind === 'access-key' && sealedSecret ? plainEnvelope(sealedSecret) : null,
      description,
    },
  };
}
