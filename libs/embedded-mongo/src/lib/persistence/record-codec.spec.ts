import { Int32 } from 'bson';
import { crc32 } from './crc32';
import { decodeRecords, encodeRecord, encodeRecordInto } from './record-codec';

describe('journal record codec', () => {
  const records = [{ op: 'put', n: new Int32(1) }, { op: 'put', n: new Int32(2) }];
  const encoded = Buffer.concat(records.map(encodeRecord));

  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('reads back complete records with their BSON types', () => {
    expect(decodeRecords(encoded)).toEqual({ records, validLength: encoded.length });
  });

  it('stops at a torn record and at a record whose checksum does not match', () => {
    const torn = decodeRecords(encoded.subarray(0, encoded.length - 3));
    expect(torn.records).toEqual([records[0]]);
    expect(torn.validLength).toBe(encodeRecord(records[0]).length);
    const flipped = Buffer.from(encoded);
    flipped[flipped.length - 2] ^= 0xff;
    expect(decodeRecords(flipped).records).toEqual([records[0]]);
    expect(decodeRecords(Buffer.concat([encoded, Buffer.from('garbage!garbage!')])).validLength).toBe(encoded.length);
  });

  it('encodes into a buffer exactly as on its own, and refuses a record that does not fit', () => {
    const target = Buffer.alloc(encoded.length + 3);
    const end = encodeRecordInto(records[1], target, encodeRecordInto(records[0], target, 0) ?? -1);
    expect(end).toBe(encoded.length);
    expect(target.subarray(0, encoded.length)).toEqual(encoded);
    expect(encodeRecordInto(records[0], target, end ?? 0)).toBeUndefined();
    expect(target.subarray(encoded.length)).toEqual(Buffer.alloc(3));
  });
});
