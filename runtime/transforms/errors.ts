// A value that a transform cannot convert. The message is about the value, in the user's words
// (`"31.02.2024" is not a date in DD-MM-YYYY`, `"31-02-2024" is not a real date: February 2024 has 29
// days, not 31`): the executor copies it verbatim into the reject reason.
export class TransformError extends Error {
  override readonly name = "TransformError";
}

/** Quotes a source value for a message, shortened so one bad cell cannot flood a reject report. */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? value : safeJson(value);
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return JSON.stringify(shown);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
