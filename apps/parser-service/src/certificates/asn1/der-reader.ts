/** One DER element: its tag, where its content lies and where the element ends. */
export interface DerElement {
  readonly tag: number;
  readonly content: Uint8Array;
  /** Offset just past the element, relative to the buffer it was read from. */
  readonly end: number;
}

/**
 * Reads the element starting at `offset`, or returns null when the bytes cannot be one. Only definite lengths
 * and single-byte tags are accepted: that is all DER allows for the few structures read by hand here.
 */
export function readDerElement(bytes: Uint8Array, offset = 0): DerElement | null {
  if (offset + 2 > bytes.length) return null;
  const tag = bytes[offset];
  const first = bytes[offset + 1];
  if ((tag & 0x1f) === 0x1f) return null;
  let length = first;
  let header = 2;
  if (first >= 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4 || offset + 2 + count > bytes.length) return null;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i];
    header += count;
  }
  const end = offset + header + length;
  if (end > bytes.length) return null;
  return { tag, content: bytes.subarray(offset + header, end), end };
}

/** Encodes one element; used to rebuild the DER of a decoded value that must be printed as `#hex`. */
export function encodeDerElement(tag: number, content: Uint8Array): Buffer {
  const length = content.length;
  if (length < 0x80) return Buffer.concat([Uint8Array.of(tag, length), content]);
  const lengthBytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
  return Buffer.concat([Uint8Array.of(tag, 0x80 | lengthBytes.length, ...lengthBytes), content]);
}
