/** Display helpers: they format the server's figures, they never compute new ones. */

const LONG_DATE = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});
const SHORT_DATE = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

const FULL_DATE = new Intl.DateTimeFormat(undefined, {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** A `YYYY-MM-DD` from the server, read as that calendar day (never shifted by a zone). */
function calendarDay(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function longDate(isoDate: string): string {
  return LONG_DATE.format(calendarDay(isoDate));
}

export function fullDate(isoDate: string): string {
  return FULL_DATE.format(calendarDay(isoDate));
}

export function shortDate(isoDate: string): string {
  return SHORT_DATE.format(calendarDay(isoDate));
}

/** Seconds as `mm:ss` (or `h:mm:ss` past an hour). */
export function clock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mmss = `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** A timestamp from the server as a local time of day, e.g. "14:05". */
export function timeOfDay(isoDateTime: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(isoDateTime));
}

/** An amount of money from the server in the profile's currency (ISO 4217), e.g. "$1,250.50". */
export function money(value: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(value);
}

/** A ratio 0..1 from the server as a whole percentage, e.g. 0.25 → "25%". */
export function percent(ratio: number): string {
  return new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}
