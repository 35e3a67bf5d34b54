/**
 * certhub's integer certificate id (Rainbond's id, Alibaba's CertId) from a path segment: plain decimal, no
 * sign, no leading zero, a safe integer; null for anything else. Each API decides what null answers.
 */
export function parseCertificateId(raw: string): number | null {
  const id = /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : NaN;
  return Number.isSafeInteger(id) ? id : null;
}
