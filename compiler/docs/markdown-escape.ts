// Text from a spec or a source export must read as itself in Markdown, whatever renderer shows the file:
// no accidental emphasis, links, headings or raw HTML, and a value never breaks out of its table cell.

const LINE_BREAK = /\r\n|\r|\n/g;

/** Escapes text for a Markdown paragraph or table cell: `|` becomes `\|`, a line break becomes `<br>`. */
export function markdownCell(text: string): string {
  const escaped = text
    .replace(/[\\`*[\]|~]/g, (c) => `\\${c}`)
    // `_` only emphasises at a word boundary (GFM), so `x_customer_tier` stays readable in the raw file.
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "\\_")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(LINE_BREAK, "<br>");
  // What would open a block at the start of a line (a list item's text included): heading, quote, list item.
  return escaped.replace(/^(\d+)([.)])(?=\s|$)/, "$1\\$2").replace(/^(?:[#+-](?=\s|$)|>)/, "\\$&");
}

/**
 * A code span for a technical name (model, field, column). Inside a code span entities and `<br>` are
 * shown literally, so a line break becomes a space; `|` still needs `\|` inside a GFM table.
 */
export function markdownCode(text: string): string {
  if (text.trim() === "") return "";
  const flat = text.replace(LINE_BREAK, " ").replace(/\|/g, "\\|");
  const longestRun = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longestRun + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}
