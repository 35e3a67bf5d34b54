import { Int32 } from 'bson';
import { waitsForJournal } from './write-concern';

describe('waitsForJournal', () => {
  it('waits unless the write concern says j: false or w: 0', () => {
    expect(waitsForJournal({ insert: 'c' })).toBe(true);
    expect(waitsForJournal({ insert: 'c', writeConcern: { w: 'majority' } })).toBe(true);
    expect(waitsForJournal({ insert: 'c', writeConcern: { w: new Int32(1), j: true } })).toBe(true);
    expect(waitsForJournal({ insert: 'c', writeConcern: { w: 'majority', j: false } })).toBe(false);
    expect(waitsForJournal({ insert: 'c', writeConcern: { j: false } })).toBe(false);
    expect(waitsForJournal({ insert: 'c', writeConcern: { w: new Int32(0) } })).toBe(false);
  });

  it('ignores a malformed write concern instead of skipping the journal', () => {
    expect(waitsForJournal({ insert: 'c', writeConcern: 'j:false' })).toBe(true);
    expect(waitsForJournal({ insert: 'c', writeConcern: { j: 'false' } })).toBe(true);
    expect(waitsForJournal({ insert: 'c', writeConcern: null })).toBe(true);
  });
});
