import type { HttpAnswer } from './http-client';

/** Rainbond's error body: `{code, msg, msg_show, data: {bean: {}, list: []}}`, code equal to the HTTP status. */
export function expectRainbondError(answer: HttpAnswer, status: number, msgFragment: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({
    code: status,
    msg: expect.stringContaining(msgFragment),
    msg_show: expect.any(String),
    data: { bean: {}, list: [] },
  });
}
