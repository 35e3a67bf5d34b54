import type { RenderedError } from '../errors/error-renderer';
import type { ResponseFormat } from './alibaba-response-format';

export type ResponseFields = Readonly<Record<string, string | number>>;

const CONTENT_TYPE: Readonly<Record<ResponseFormat, string>> = {
  JSON: 'application/json;charset=utf-8',
  XML: 'text/xml;charset=utf-8',
};

export interface RenderedBody extends RenderedError {
  readonly body: string;
  readonly contentType: string;
}

/** Alibaba's RPC body: a flat JSON object, or the same fields as elements under one root element. */
export function renderAlibabaBody(format: ResponseFormat, status: number, root: string, fields: ResponseFields): RenderedBody {
  return { status, contentType: CONTENT_TYPE[format], body: format === 'JSON' ? JSON.stringify(fields) : toXml(root, fields) };
}

/** Alibaba's error body: root element <Error>, Recommend as CDATA, exactly as its gateway sends them. */
export function renderAlibabaError(format: ResponseFormat, status: number, fields: ResponseFields): RenderedBody {
  return renderAlibabaBody(format, status, 'Error', fields);
}

/** `<?xml version='1.0' encoding='UTF-8'?>` and no whitespace between elements, as Alibaba's responses are. */
export function toXml(root: string, fields: ResponseFields): string {
  const elements = Object.entries(fields)
    .map(([name, value]) => `<${name}>${name === 'Recommend' ? cdata(String(value)) : escapeXml(String(value))}</${name}>`)
    .join('');
  return `<?xml version='1.0' encoding='UTF-8'?><${root}>${elements}</${root}>`;
}

/** Text content: markup characters escaped, and characters XML 1.0 cannot carry at all removed. */
export function escapeXml(text: string): string {
  return xmlChars(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function cdata(text: string): string {
  // "]]>" would close the section early: split it across two sections.
  return `<![CDATA[${xmlChars(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xmlChars(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(NOT_XML, '');
}
