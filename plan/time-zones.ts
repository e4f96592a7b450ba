// Which time zones a plan may name (`tz: "Europe/London"`): those the runtime's Intl knows.

/** True when Intl knows the zone (e.g. "Asia/Kolkata", "UTC"); the compiler checks `tz:` with it. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
