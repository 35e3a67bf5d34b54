import { Int32 } from 'bson';
import { crc32 } from './crc32';
import { decodeRecords, encodeRecord } from './record-codec';

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
});
