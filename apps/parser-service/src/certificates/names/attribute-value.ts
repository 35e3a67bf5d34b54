import { encodeDerElement, readDerElement } from '../asn1/der-reader';
import type { CertificateStructure } from '../asn1/certificate-structure';

type AttributeValue = CertificateStructure['tbsCertificate']['subject'][number][number]['value'];

/** A value OpenSSL prints as characters, or (for non-string types and unknown attributes) as `#` + its DER. */
export type AttributeText = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'der'; readonly der: Uint8Array };

// String types OpenSSL treats as one byte per character (its tag2nbyte table): Numeric, Printable, T61, IA5, Visible.
const ONE_BYTE_STRING_TAGS = new Set([0x12, 0x13, 0x14, 0x16, 0x1a]);
const UTF8_STRING = 0x0c;
const UNIVERSAL_STRING = 0x1c;
const BMP_STRING = 0x1e;

export function readAttributeValue(value: AttributeValue): AttributeText {
  const text = value.utf8String ?? value.printableString ?? value.ia5String ?? value.teletexString ?? value.bmpString ?? value.universalString;
  if (text !== undefined) return { kind: 'text', text };
  const der = value.anyValue ? new Uint8Array(value.anyValue) : new Uint8Array(0);
  const element = readDerElement(der);
  if (element !== null && ONE_BYTE_STRING_TAGS.has(element.tag)) return { kind: 'text', text: Buffer.from(element.content).toString('latin1') };
  return { kind: 'der', der };
}

/** The DER of a value, rebuilt from the decoded string when the parser did not keep it. */
export function attributeValueDer(value: AttributeValue): Uint8Array {
  if (value.anyValue) return new Uint8Array(value.anyValue);
  if (value.utf8String !== undefined) return encodeDerElement(UTF8_STRING, Buffer.from(value.utf8String, 'utf8'));
  if (value.printableString !== undefined) return encodeDerElement(0x13, Buffer.from(value.printableString, 'latin1'));
  if (value.ia5String !== undefined) return encodeDerElement(0x16, Buffer.from(value.ia5String, 'latin1'));
  if (value.teletexString !== undefined) return encodeDerElement(0x14, Buffer.from(value.teletexString, 'latin1'));
  if (value.bmpString !== undefined) return encodeDerElement(BMP_STRING, Buffer.from(value.bmpString, 'utf16le').swap16());
  return encodeDerElement(UNIVERSAL_STRING, utf32be(value.universalString ?? ''));
}

function utf32be(text: string): Buffer {
  const codePoints = Array.from(text, (char) => char.codePointAt(0) ?? 0);
  const bytes = Buffer.alloc(codePoints.length * 4);
  codePoints.forEach((codePoint, index) => bytes.writeUInt32BE(codePoint, index * 4));
  return bytes;
}

export function hexDump(der: Uint8Array): string {
  return `#${Buffer.from(der).toString('hex').toUpperCase()}`;
}
