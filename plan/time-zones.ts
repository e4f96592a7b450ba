// Which time zones a plan may name (`tz: "Europe/London"`): those the runtime's Intl knows.

/** True when Intl knows the zone (e.g. "Asia/Kolkata", "UTC"); the compiler checks `tz:` with it. */
// Asked for every date-time a row holds: building an Intl.DateTimeFormat takes some 50 µs, more than the rest
// of reading the value, so each zone is checked once.
const checked = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  const known = checked.get(zone);
  if (known !== undefined) return known;
  let valid = true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    valid = false;
  }
  checked.set(zone, valid);
  return valid;
}
