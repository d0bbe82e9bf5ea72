/** The zone the device's clock is set to, as the browser names it. Only ever offered to
 * the founder: "today" always comes from the server, in the profile's zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function canonical(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

/** Two names of one zone ("UTC" and "Etc/UTC", "Asia/Kolkata" and "Asia/Calcutta") are equal. */
export function sameTimeZone(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

/** The zones the browser knows, to pick from (the server judges what it accepts). */
export function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return names.includes("UTC") ? names : ["UTC", ...names];
}
