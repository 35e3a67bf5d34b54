/** One DER element: its tag byte and content. Only what reading a signature AlgorithmIdentifier needs. */
export interface DerElement {
  readonly tag: number;
  readonly content: Buffer;
}

/** The element starting at `offset` and where the next one starts, or null when the bytes are not DER. */
function readElement(bytes: Buffer, offset: number): { element: DerElement; next: number } | null {
  if (offset + 2 > bytes.length) return null;
  const tag = bytes[offset];
  let length = bytes[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    // Four length octets already describe 4 GiB; anything longer (or indefinite, 0x80) is not a certificate.
    if (octets === 0 || octets > 4 || start + octets > bytes.length) return null;
    length = bytes.subarray(start, start + octets).reduce((value, byte) => value * 256 + byte, 0);
    start += octets;
  }
  if (start + length > bytes.length) return null;
  return { element: { tag, content: bytes.subarray(start, start + length) }, next: start + length };
}

/** The elements inside a constructed element's content, or null when any of them is malformed. */
export function derChildren(content: Buffer): DerElement[] | null {
  const children: DerElement[] = [];
  for (let offset = 0; offset < content.length; ) {
    const read = readElement(content, offset);
    if (read === null) return null;
    children.push(read.element);
    offset = read.next;
  }
  return children;
}

/** The single element that makes up `bytes` (e.g. a whole certificate), or null. */
export function derElement(bytes: Buffer): DerElement | null {
  const read = readElement(bytes, 0);
  return read !== null && read.next === bytes.length ? read.element : null;
}

/** A small non-negative INTEGER's value, or null. */
export function derSmallInteger(element: DerElement | undefined): number | null {
  if (element?.tag !== 0x02 || element.content.length === 0 || element.content.length > 4 || element.content[0] & 0x80) return null;
  return element.content.reduce((value, byte) => value * 256 + byte, 0);
}
