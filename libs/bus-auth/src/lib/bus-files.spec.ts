import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { certhubAccountJwt, createBusAuthority, issueServiceCreds, issueUserCreds } from './bus-authority';
import { ensureBusFiles, loadAuthority, saveAuthority, SERVICE_ROLES, type BusFiles } from './bus-files';
import { credsUserJwt } from './creds-file';
import { decodeJwtClaims } from './nats-jwt';

describe('ensureBusFiles on a bus set up before', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'certhub-bus-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const server = () => ({ host: '127.0.0.1', port: 4333, storeDir: join(dir, 'jetstream') });
  const credsOf = (files: BusFiles) => Object.fromEntries(SERVICE_ROLES.map((role) => [role, readFileSync(files.credsFile(role), 'utf8')]));
  const userOf = (creds: string) => decodeJwtClaims(credsUserJwt(creds) ?? '') as { sub: string; nats: { pub: { allow: string[] } } };
  const revocationsOf = (files: BusFiles) => loadAuthority(files.authorityFile).revocations;
  const revokedOnTheServer = (files: BusFiles) => {
    const claims = decodeJwtClaims(certhubAccountJwt(loadAuthority(files.authorityFile))) as { nats: { revocations?: Record<string, number> } };
    return Object.keys(claims.nats.revocations ?? {});
  };

  it('keeps the authority and every current credential: starting again issues and revokes nothing', () => {
    const first = ensureBusFiles(dir, server());
    const seeds = loadAuthority(first.files.authorityFile).accountSeed;
    const creds = credsOf(first.files);

    const second = ensureBusFiles(dir, server());

    expect(loadAuthority(second.files.authorityFile).accountSeed).toBe(seeds);
    expect(credsOf(second.files)).toEqual(creds);
    expect(second.rotated).toEqual([]);
    expect(revocationsOf(second.files)).toEqual({});
  });

  it('issues a credential with outdated permissions again, with the current ones, and revokes the old one', () => {
    const first = ensureBusFiles(dir, server());
    // What an earlier version left: an authority that recorded no service keys, and storage's credentials,
    // signed by this account, with other permissions.
    const { services: _recorded, ...earlier } = loadAuthority(first.files.authorityFile);
    saveAuthority(first.files.authorityFile, earlier);
    const outdated = issueUserCreds(first.authority, 'storage', { pub: { allow: ['certificate.>'] }, sub: { allow: ['>'] } });
    writeFileSync(first.files.credsFile('storage'), outdated.creds);

    const second = ensureBusFiles(dir, server());

    expect(second.rotated).toEqual(['storage']);
    const storage = userOf(readFileSync(second.files.credsFile('storage'), 'utf8'));
    expect(storage.nats.pub.allow).toContain('_INBOX.gateway.outcomes.*');
    expect(storage.sub).not.toBe(outdated.publicKey);
    // The old key is gone for good, in the account token the server is given.
    expect(Object.keys(revocationsOf(second.files))).toEqual([outdated.publicKey]);
    expect(revokedOnTheServer(second.files)).toEqual([outdated.publicKey]);
  });

  it('replaces a file that is no credential, or that another authority signed, revoking what the role had', () => {
    const first = ensureBusFiles(dir, server());
    const parserBefore = userOf(credsOf(first.files)['parser'] ?? '').sub;
    const gatewayBefore = userOf(credsOf(first.files)['gateway'] ?? '').sub;
    writeFileSync(first.files.credsFile('parser'), 'not credentials');
    const foreign = issueServiceCreds(createBusAuthority(), 'gateway');
    writeFileSync(first.files.credsFile('gateway'), foreign.creds);

    const second = ensureBusFiles(dir, server());

    expect([...second.rotated].sort()).toEqual(['gateway', 'parser']);
    // A key of another account is not this account's to revoke.
    expect(Object.keys(revocationsOf(second.files)).sort()).toEqual([gatewayBefore, parserBefore].sort());
  });

  it('rotates the roles it is asked to, revoking their current credentials, and leaves the others alone', () => {
    const first = ensureBusFiles(dir, server());
    const before = credsOf(first.files);

    const second = ensureBusFiles(dir, server(), ['parser']);

    const after = credsOf(second.files);
    expect(second.rotated).toEqual(['parser']);
    expect(after['parser']).not.toBe(before['parser']);
    for (const role of SERVICE_ROLES.filter((one) => one !== 'parser')) expect(after[role]).toBe(before[role]);
    expect(Object.keys(revocationsOf(second.files))).toEqual([userOf(before['parser'] ?? '').sub]);
    expect(loadAuthority(second.files.authorityFile).services?.parser).toBe(userOf(after['parser'] ?? '').sub);
  });

  it("replaces a file whose seed is not its token's user: it could not connect", () => {
    const first = ensureBusFiles(dir, server());
    const storage = credsOf(first.files)['storage'] ?? '';
    const otherSeed = /USER NKEY SEED-----\n(\S+)/.exec(credsOf(first.files)['parser'] ?? '')?.[1] ?? '';
    writeFileSync(first.files.credsFile('storage'), storage.replace(/(USER NKEY SEED-----\n)\S+/, `$1${otherSeed}`));

    const second = ensureBusFiles(dir, server());

    expect(second.rotated).toEqual(['storage']);
  });

  it('replaces a credential whose key is not the one recorded for its role (a file put back from a copy)', () => {
    const first = ensureBusFiles(dir, server());
    const copy = credsOf(first.files)['observer'] ?? '';
    ensureBusFiles(dir, server(), ['observer']);
    writeFileSync(first.files.credsFile('observer'), copy);

    const third = ensureBusFiles(dir, server());

    expect(third.rotated).toEqual(['observer']);
    expect(readFileSync(third.files.credsFile('observer'), 'utf8')).not.toBe(copy);
  });
});
