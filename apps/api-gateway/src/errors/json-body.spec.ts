import { CerthubError } from '@certhub/contracts';
import { decodeJsonBody } from './json-body';

const refusal = (bytes: Buffer, contentType?: string): string => {
  try {
    decodeJsonBody(bytes, contentType);
  } catch (error) {
    if (error instanceof CerthubError && error.code === 'INVALID_REQUEST') return error.message;
    throw error;
  }
  throw new Error('accepted');
};

describe('decodeJsonBody', () => {
  const body = Buffer.from('{"name":"shop"}');

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset=utf8', 'application/json; charset="UTF8"', undefined])(
    'reads UTF-8 JSON under %s',
    (contentType) => expect(decodeJsonBody(body, contentType)).toEqual({ name: 'shop' }),
  );

  it.each(['latin1', 'iso-8859-1', 'us-ascii', 'utf-16', 'utf-16le', 'koi8-r'])('refuses charset=%s with a 400, not a 415', (charset) => {
    expect(refusal(body, `application/json; charset=${charset}`)).toBe('The request body must be JSON in UTF-8 (charset=utf-8, or no charset).');
  });

  it('drops a byte order mark and reads an empty body as {}, as body-parser did', () => {
    expect(decodeJsonBody(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]), 'application/json')).toEqual({ name: 'shop' });
    expect(decodeJsonBody(Buffer.alloc(0), 'application/json')).toEqual({});
  });

  it('calls broken JSON that, and parses any JSON value', () => {
    expect(refusal(Buffer.from('{bad'), 'application/json')).toBe('The request body is not valid JSON.');
    expect(decodeJsonBody(Buffer.from('null'), 'application/json')).toBeNull();
  });
});

describe('decodeJsonBody on text that is not well-formed', () => {
  it('refuses bytes that are not UTF-8 instead of reading them as U+FFFD', () => {
    const bytes = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expect(refusal(bytes, 'application/json')).toBe('The request body is not valid UTF-8.');
  });

  it.each(['"\\ud800zz1"', '"zz\\udbff"', '"\\udc00"', '"a\\udc00\\ud800b"'])('refuses the lone surrogate in %s, as a value, a key or deep down', (text) => {
    for (const json of [`{"name":${text}}`, `{${text}:"x"}`, `{"tags":{"a":[1,{"b":${text}}]}}`]) {
      expect(refusal(Buffer.from(json), 'application/json')).toMatch(/not well-formed Unicode/);
    }
  });

  it('reads surrogate pairs, escaped or not, and U+FFFD itself', () => {
    expect(decodeJsonBody(Buffer.from('{"name":"\\ud83d\\ude00 😀 \\ufffd"}'), 'application/json')).toEqual({ name: '😀 😀 \ufffd' });
  });
});
