// Diagnostics shared by every stage: a plain value with a code from the registry, the file and the exact
// range, and an optional hint; plus the formatter that prints them the way people like to read them.
import type { SourceRange } from "./positions.js";
import { renderMessage, severityOf, type DiagnosticCode, type Severity } from "./registry.js";

export { messages, renderMessage, severityOf, type DiagnosticCode, type Severity } from "./registry.js";

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  file: string;
  range: SourceRange;
  hint?: string;
}

export function diagnostic(
  code: DiagnosticCode,
  file: string,
  range: SourceRange,
  args: Readonly<Record<string, string | number>> = {},
  hint?: string,
): Diagnostic {
  return {
    code,
    severity: severityOf(code),
    message: renderMessage(code, args),
    file,
    range,
    ...(hint ? { hint } : {}),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code),
  );
}

export interface FormatOptions {
  /** the text of each file, for the code frame */
  sources: ReadonlyMap<string, string>;
  color?: boolean;
}

const paint = {
  error: (s: string) => `\x1b[31m${s}\x1b[0m`,
  warning: (s: string) => `\x1b[33m${s}\x1b[0m`,
  info: (s: string) => `\x1b[36m${s}\x1b[0m`,
  dim: (s: string) => `\x1b[2m${s}\x1b[0m`,
  hint: (s: string) => `\x1b[32m${s}\x1b[0m`,
};

/**
 * `file:line:col - error CODE: message`, then the source line with a gutter and `~` under the span, then
 * the hint: the shape TypeScript made familiar.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions): string {
  const color = options.color ?? false;
  const tint = (kind: keyof typeof paint, s: string) => (color ? paint[kind](s) : s);
  const { line, column } = d.range.start;
  const lines = [`${d.file}:${line}:${column} - ${tint(d.severity, d.severity)} ${d.code}: ${d.message}`];
  const text = options.sources.get(d.file);
  if (text !== undefined)
    lines.push(
      ...codeFrame(
        text,
        d.range,
        (s) => tint("dim", s),
        (s) => tint(d.severity, s),
      ),
    );
  if (d.hint) lines.push(tint("hint", `  hint: ${d.hint}`));
  return lines.join("\n");
}

function codeFrame(
  text: string,
  range: SourceRange,
  dim: (s: string) => string,
  mark: (s: string) => string,
): string[] {
  const sourceLines = text.split(/\r?\n/);
  const lineNo = range.start.line;
  const source = sourceLines[lineNo - 1];
  if (source === undefined) return [];
  const gutter = String(lineNo);
  const startCol = range.start.column;
  const endCol = range.end.line === lineNo ? Math.max(range.end.column, startCol + 1) : source.length + 1;
  const width = Math.max(1, Math.min(endCol, source.length + 1) - startCol);
  const pad = " ".repeat(gutter.length);
  return [
    "",
    `${dim(`${gutter} |`)} ${source.replace(/\t/g, " ")}`,
    `${dim(`${pad} |`)} ${" ".repeat(startCol - 1)}${mark("~".repeat(width))}`,
    "",
  ];
}

export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}
