// Text transforms. Each receives a non-empty value (registry.ts passes empties through and maps lists).
import { textInput } from "./values.js";

export function trimText(value: unknown): string {
  return textInput(value, "trim").trim();
}

export function lowerText(value: unknown): string {
  return textInput(value, "lower").toLowerCase();
}

export function upperText(value: unknown): string {
  return textInput(value, "upper").toUpperCase();
}

/** Word starts are letters after the start, whitespace or a hyphen, so "jean-luc ÉLODIE" → "Jean-Luc Élodie". */
export function titleText(value: unknown): string {
  const lower = textInput(value, "title").toLowerCase();
  return lower.replace(/(^|[\s-])(\p{L})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

export function collapseText(value: unknown): string {
  return textInput(value, "collapse").replace(/\s+/g, " ").trim();
}

export function replaceText(value: unknown, from: string, to: string): string {
  const text = textInput(value, "replace");
  return from === "" ? text : text.split(from).join(to);
}

/** Counts code points, so a truncated name never ends in half an emoji. */
export function truncateText(value: unknown, length: number): string {
  const characters = Array.from(textInput(value, "truncate"));
  return characters.slice(0, Math.max(0, Math.floor(length))).join("");
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function textToHtml(value: unknown): string {
  const text = textInput(value, "html").replace(/\r\n?/g, "\n").trim();
  const escaped = text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
  const paragraphs = escaped.split(/\n[ \t]*\n\s*/);
  return paragraphs.map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`).join("");
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  euro: "€",
  pound: "£",
  copy: "©",
  reg: "®",
};

export function htmlToText(value: unknown): string {
  const html = textInput(value, "text").replace(/\r\n?/g, "\n");
  const withoutHidden = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "").replace(/<!--[\s\S]*?-->/g, "");
  // Newlines already in the source are kept: notes that "may contain HTML" are often plain text.
  const broken = withoutHidden
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|tr|blockquote|pre)\s*>/gi, "\n")
    // Opening blocks only separate themselves from text before them; a paragraph gets a blank line,
    // while divs (one per line in many editors) and list items do not.
    .replace(/<(p|h[1-6]|blockquote|pre|ul|ol|table)\b[^>]*>/gi, "\n");
  const stripped = broken.replace(/<[^>]*>/g, "");
  return tidyLines(decodeEntities(stripped));
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
}

/** Trims every line and keeps at most one blank line between paragraphs. */
function tidyLines(text: string): string {
  const lines = text.split("\n").map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim());
  return lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
