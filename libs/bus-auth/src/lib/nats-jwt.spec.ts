import { createAccount, createOperator, createUser, fromPublic } from 'nkeys.js';
import { formatCreds } from './creds-file';
import { accountClaims, decodeJwtClaims, encodeJwt, userClaims } from './nats-jwt';

describe('NATS JWTs', () => {
  it('are signed by the issuer so that its public key verifies them', () => {
    const account = createAccount();
    const user = createUser();
    const jwt = encodeJwt(userClaims(account, user.getPublicKey(), 'u', { pub: { allow: ['a.b'] }, sub: { allow: ['c.>'] } }), account);
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const verifier = fromPublic(account.getPublicKey());
    expect(verifier.verify(Buffer.from(`${header}.${payload}`), Buffer.from(signature, 'base64url'))).toBe(true);
    expect(verifier.verify(Buffer.from(`${header}.${payload}x`), Buffer.from(signature, 'base64url'))).toBe(false);
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ typ: 'JWT', alg: 'ed25519-nkey' });
  });

  it('carry exactly the permissions asked for, and responses only when allowed', () => {
    const account = createAccount();
    const claims = decodeJwtClaims(encodeJwt(userClaims(account, createUser().getPublicKey(), 'u', { pub: { allow: ['x'] }, sub: { allow: ['y'] }, allowResponses: true }), account));
    expect(claims).toMatchObject({ iss: account.getPublicKey(), nats: { type: 'user', version: 2, pub: { allow: ['x'] }, sub: { allow: ['y'] }, resp: { max: 1 } } });
    const plain = decodeJwtClaims(encodeJwt(userClaims(account, createUser().getPublicKey(), 'u', { pub: { allow: ['x'] }, sub: { allow: ['y'] } }), account));
    expect((plain['nats'] as Record<string, unknown>)['resp']).toBeUndefined();
  });

  it('turn an empty allow list into "nothing", never into NATS\'s "everything"', () => {
    const account = createAccount();
    const claims = decodeJwtClaims(encodeJwt(userClaims(account, createUser().getPublicKey(), 'u', { pub: { allow: [] }, sub: {} }), account));
    expect(claims['nats']).toMatchObject({ pub: { deny: ['>'] }, sub: { deny: ['>'] } });
    expect((claims['nats'] as { pub: Record<string, unknown> }).pub['allow']).toBeUndefined();
  });

  it('put revocations and JetStream limits into the account token', () => {
    const operator = createOperator();
    const account = createAccount();
    const claims = decodeJwtClaims(encodeJwt(accountClaims(operator, account, 'A', { jetstream: true, revocations: { UXYZ: 1234 } }), operator));
    expect(claims).toMatchObject({ iss: operator.getPublicKey(), sub: account.getPublicKey(), nats: { revocations: { UXYZ: 1234 }, limits: { disk_storage: -1, streams: -1 } } });
  });

  it('are written in the .creds format NATS clients read', () => {
    const creds = formatCreds('JWT.TEXT.HERE', 'SUSEED');
    expect(creds).toMatch(/-----BEGIN NATS USER JWT-----\nJWT\.TEXT\.HERE\n------END NATS USER JWT------/);
    expect(creds).toMatch(/-----BEGIN USER NKEY SEED-----\nSUSEED\n------END USER NKEY SEED------/);
  });
});
