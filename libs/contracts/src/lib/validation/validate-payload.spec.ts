import 'reflect-metadata';
import { CertificateCreateCommand, CertificateUpdateCommand } from '../events/certificate-command.events';
import { validatePayload } from './validate-payload';

const valid = {
  requestId: 'req-1',
  tenantId: 'team-a',
  name: 'www',
  certificate: '-----BEGIN CERTIFICATE-----',
  privateKey: '-----BEGIN PRIVATE KEY-----',
};

describe('validatePayload', () => {
  it('accepts a minimal create command and drops unknown fields', () => {
    const result = validatePayload(CertificateCreateCommand, { ...valid, extra: 'ignored' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value).toBeInstanceOf(CertificateCreateCommand);
      expect(result.value).not.toHaveProperty('extra');
    }
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'x'],
  ])('rejects %s as payload', (_label, raw) => {
    expect(validatePayload(CertificateCreateCommand, raw)).toEqual({
      ok: false,
      problems: ['payload must be a JSON object'],
    });
  });

  it('rejects NoSQL operator objects in string fields', () => {
    const result = validatePayload(CertificateCreateCommand, { ...valid, name: { $gt: '' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join(' ')).toMatch(/name must be a string/);
  });

  it('does not coerce numbers into strings', () => {
    expect(validatePayload(CertificateCreateCommand, { ...valid, tenantId: 42 }).ok).toBe(false);
  });

  it('names every missing field', () => {
    const result = validatePayload(CertificateCreateCommand, {});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      for (const field of ['requestId', 'tenantId', 'name', 'certificate', 'privateKey']) {
        expect(result.problems.some((problem) => problem.startsWith(field))).toBe(true);
      }
    }
  });

  it('rejects request ids that are unsafe as message ids', () => {
    expect(validatePayload(CertificateCreateCommand, { ...valid, requestId: 'a b' }).ok).toBe(false);
    expect(validatePayload(CertificateCreateCommand, { ...valid, requestId: 'x'.repeat(129) }).ok).toBe(false);
  });

  it('accepts string labels and rejects labels with operator keys or non-string values', () => {
    expect(validatePayload(CertificateCreateCommand, { ...valid, labels: { certificate_type: 'server' } }).ok).toBe(true);
    expect(validatePayload(CertificateCreateCommand, { ...valid, labels: { $where: 'x' } }).ok).toBe(false);
    expect(validatePayload(CertificateCreateCommand, { ...valid, labels: { a: 1 } }).ok).toBe(false);
  });

  it('requires a positive integer certificateId on update', () => {
    expect(validatePayload(CertificateUpdateCommand, valid).ok).toBe(false);
    expect(validatePayload(CertificateUpdateCommand, { ...valid, certificateId: '7' }).ok).toBe(false);
    expect(validatePayload(CertificateUpdateCommand, { ...valid, certificateId: 0 }).ok).toBe(false);
    expect(validatePayload(CertificateUpdateCommand, { ...valid, certificateId: 7 }).ok).toBe(true);
  });
});

describe('validatePayload on object-model keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses a payload using "%s" at any depth instead of throwing', (key) => {
    const raw = JSON.parse(`{"requestId":"r","tenantId":"t","name":"n","certificate":"C","privateKey":"K","labels":{"${key}":"x"}}`) as unknown;
    expect(validatePayload(CertificateCreateCommand, raw)).toEqual({ ok: false, problems: [`payload may not use the key "${key}"`] });
  });
});

describe('validatePayload on string records', () => {
  // Every key Object.prototype holds that matches the tag key rule ([A-Za-z0-9_-]{1,64}), reserved ones aside.
  const inherited = Object.getOwnPropertyNames(Object.prototype).filter((key) => /^[A-Za-z0-9_-]{1,64}$/.test(key) && !['__proto__', 'constructor'].includes(key));

  it('keeps tags and labels whose keys Object.prototype also holds (toString, valueOf, __defineGetter__ …)', () => {
    const record = Object.fromEntries([['env', 'prod'], ...inherited.map((key, i) => [key, `v${i}`])]) as Record<string, string>;
    expect(inherited).toEqual(expect.arrayContaining(['toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf']));
    const raw = JSON.parse(JSON.stringify({ ...valid, tags: record, labels: { toString: 'x' } })) as unknown;
    const result = validatePayload(CertificateCreateCommand, raw);
    expect(result.ok && { tags: result.value.tags, labels: result.value.labels }).toEqual({ tags: record, labels: { toString: 'x' } });
  });

  it('still refuses a record that is not a plain map of strings', () => {
    for (const tags of [['a'], { toString: 1 }, 'text', { 'a.b': 'x' }]) {
      expect(validatePayload(CertificateCreateCommand, { ...valid, tags }).ok).toBe(false);
    }
  });
});
