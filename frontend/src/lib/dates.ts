/** Calendar arithmetic on the server's `YYYY-MM-DD` strings, in UTC so no time zone or
 * daylight-saving change can shift a day. Never a source of "today": that is the server's. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
