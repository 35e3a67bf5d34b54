/** Huawei's API gateway refuses a signature whose X-Sdk-Date is more than 15 minutes from its own clock. */
export const SDK_DATE_WINDOW_MS = 15 * 60_000;

/** X-Sdk-Date: `YYYYMMDDTHHMMSSZ`, UTC (API Request Signing Guide). */
export const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Milliseconds since the epoch, or null when the value is not a real `YYYYMMDDTHHMMSSZ` date. */
export function parseSdkDate(value: string): number | null {
  const parts = SDK_DATE.exec(value)?.slice(1).map(Number);
  if (!parts) return null;
  const [year, month, day, hour, minute, second] = parts as [number, number, number, number, number, number];
  const time = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 20240230 over to March; a real calendar date formats back to itself.
  return formatSdkDate(time) === value ? time : null;
}

export function formatSdkDate(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function isFresh(time: number, now: number): boolean {
  return Math.abs(now - time) <= SDK_DATE_WINDOW_MS;
}
