import { CerthubError } from '@certhub/contracts';
import { readRollbackVersion } from './rollback.body';

const refusal = (body: unknown) => {
  try {
    readRollbackVersion(body);
    return null;
  } catch (error) {
    return error instanceof CerthubError ? `${error.code}: ${error.message}` : error;
  }
};

describe('readRollbackVersion', () => {
  it('reads {"version": n}', () => expect(readRollbackVersion({ version: 3 })).toBe(3));

  it.each([
    [null, 'JSON object'],
    [[{ version: 1 }], 'JSON object'],
    [{}, 'version is required'],
    [{ version: '2' }, 'positive integer'],
    [{ version: 0 }, 'positive integer'],
    [{ version: 1.5 }, 'positive integer'],
    [{ version: { $gt: 0 } }, 'positive integer'],
    [{ version: 2, name: 'x' }, 'Unknown field "name"'],
  ])('refuses %j as INVALID_REQUEST naming the problem', (body, problem) => {
    expect(refusal(body)).toEqual(expect.stringMatching(new RegExp(`^INVALID_REQUEST: .*${problem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
  });
});
