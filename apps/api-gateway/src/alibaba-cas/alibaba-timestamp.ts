import { alibabaError } from './alibaba-error-codes';

/** Alibaba accepts a request whose Timestamp is within 15 minutes of the server's clock, either way. */
export const TIMESTAMP_WINDOW_MS = 15 * 60_000;

export const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Milliseconds since the epoch of an ISO 8601 UTC `YYYY-MM-DDThh:mm:ssZ`, or an InvalidTimeStamp.Format error. */
export function parseTimestamp(value: string): number {
  const parts = ISO_UTC.exec(value)?.slice(1).map(Number);
  if (!parts) throw alibabaError('InvalidTimeStamp.Format');
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 2024-02-30 over to March; a real calendar date reads back unchanged.
  if (new Date(time).toISOString() !== `${value.slice(0, 19)}.000Z`) throw alibabaError('InvalidTimeStamp.Format');
  return time;
}

/** InvalidTimeStamp.Expired unless the timestamp is within the window around `now`. */
export function checkFreshness(time: number, now: number): void {
  if (Math.abs(now - time) > TIMESTAMP_WINDOW_MS) throw alibabaError('InvalidTimeStamp.Expired');
}
