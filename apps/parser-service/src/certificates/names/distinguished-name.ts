import type { DistinguishedName } from '@certhub/contracts';
import type { CertificateStructure } from '../asn1/certificate-structure';
import { attributeValueDer, hexDump, readAttributeValue } from './attribute-value';
import { LISTED_ATTRIBUTES, NAME_ATTRIBUTE_SHORT_NAMES } from './name-attributes';
import { escapeRfc2253 } from './rfc2253-escape';

type AsnName = CertificateStructure['tbsCertificate']['subject'];

interface NameEntry {
  readonly oid: string;
  readonly rdn: number;
  /** The value as the attribute lists carry it: plain characters, or `#hex` for values that are not strings. */
  readonly value: string;
  /** The value as it appears in the RFC 2253 text. */
  readonly printed: string;
}

/** Describes a name the way `openssl x509 -nameopt RFC2253` prints it, plus per-attribute lists in DER order. */
export function describeName(name: AsnName): DistinguishedName {
  // Array.from, because the ASN.1 classes subclass Array and map/filter would build more of them.
  const entries = Array.from(name, (rdn, index) => Array.from(rdn, (attribute) => toEntry(attribute, index))).flat();
  return {
    text: rfc2253Text(entries),
    commonName: valuesOf(entries, LISTED_ATTRIBUTES.commonName),
    organization: valuesOf(entries, LISTED_ATTRIBUTES.organization),
    organizationalUnit: valuesOf(entries, LISTED_ATTRIBUTES.organizationalUnit),
    locality: valuesOf(entries, LISTED_ATTRIBUTES.locality),
    state: valuesOf(entries, LISTED_ATTRIBUTES.state),
    country: valuesOf(entries, LISTED_ATTRIBUTES.country),
  };
}

function toEntry(attribute: AsnName[number][number], rdn: number): NameEntry {
  const shortName = NAME_ATTRIBUTE_SHORT_NAMES[attribute.type];
  const read = readAttributeValue(attribute.value);
  const value = read.kind === 'text' ? read.text : hexDump(read.der);
  if (shortName === undefined) {
    // OpenSSL dumps attributes it cannot name (XN_FLAG_DUMP_UNKNOWN_FIELDS) as their DER.
    return { oid: attribute.type, rdn, value, printed: `${attribute.type}=${hexDump(attributeValueDer(attribute.value))}` };
  }
  return { oid: attribute.type, rdn, value, printed: `${shortName}=${read.kind === 'text' ? escapeRfc2253(read.text) : value}` };
}

/**
 * Most significant RDN last. OpenSSL reverses the flattened attribute list, so the members of a multi-valued RDN
 * come out reversed too; `+` joins them and `,` separates RDNs.
 */
function rfc2253Text(entries: readonly NameEntry[]): string {
  const reversed = [...entries].reverse();
  return reversed.map((entry, index) => (index === 0 ? '' : entry.rdn === reversed[index - 1].rdn ? '+' : ',') + entry.printed).join('');
}

function valuesOf(entries: readonly NameEntry[], oid: string): string[] {
  return entries.filter((entry) => entry.oid === oid).map((entry) => entry.value);
}

/**
 * Name equality for chain links: case and runs of whitespace are ignored, as in OpenSSL's canonical name
 * comparison, so a PrintableString issuer still matches a UTF8String subject with the same text.
 */
export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  return canonical(a.text) === canonical(b.text);
}

function canonical(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}
