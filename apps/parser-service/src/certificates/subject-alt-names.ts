import type { SubjectAltNames } from '@certhub/contracts';
import { extensionValue, SUBJECT_ALT_NAME } from './certificate-extensions';
import type { ParsedCertificate } from './parsed-certificate';
import { x509 } from './x509-runtime';

/** DNS names, IP addresses, e-mail addresses and URIs; other name forms (otherName, directoryName …) are skipped. */
export function readSubjectAltNames(cert: ParsedCertificate): SubjectAltNames {
  const value = extensionValue(cert, SUBJECT_ALT_NAME);
  const names: { dns: string[]; ip: string[]; email: string[]; uri: string[] } = { dns: [], ip: [], email: [], uri: [] };
  if (value === null) return names;
  // GeneralNames drops the forms it cannot render as text instead of failing on them.
  for (const name of new x509.GeneralNames(value).items) {
    if (name.type === 'dns') names.dns.push(name.value);
    else if (name.type === 'ip') names.ip.push(opensslIpText(name.value));
    else if (name.type === 'email') names.email.push(name.value);
    else if (name.type === 'url') names.uri.push(name.value);
  }
  return names;
}

/**
 * OpenSSL prints IPv6 addresses as eight upper-case groups without `::` compression (2001:DB8:0:0:0:0:0:1);
 * the library prints the compressed RFC 5952 form. Anything that is not plain IPv6 is left as the library wrote it.
 */
function opensslIpText(text: string): string {
  if (!text.includes(':') || text.includes('/')) return text;
  const [head, tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return groups.map((group) => parseInt(group, 16).toString(16).toUpperCase()).join(':');
}
