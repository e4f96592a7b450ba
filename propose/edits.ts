// Edits of a spec's own text at the places its syntax tree points to: insertions only, each with the reason
// as a trailing comment `# proposed: …` on the line it changes. Everything else of the author's text —
// comments, blank lines, alignment — stays byte for byte.
import type { Spec } from "../grammar/index.js";

interface Insertion {
  offset: number;
  text: string;
  /** insertions at one offset go in this order */
  order: number;
}

export class SpecEdits {
  private readonly insertions: Insertion[] = [];
  private readonly removals: Array<{ start: number; end: number }> = [];
  private readonly comments = new Map<number, string[]>();
  private readonly lineStarts: number[];
  private readonly commentedLines: Set<number>;
  private sequence = 0;

  constructor(
    private readonly text: string,
    spec: Spec,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
    this.commentedLines = new Set(spec.comments.map((c) => c.range.start.line));
  }

  get count(): number {
    return this.insertions.length + this.comments.size + this.removals.length;
  }

  /**
   * Inserts `text` into an aligned column of a `columns` block: the spaces after the name's colon shrink by
   * as much as the name grew, while at least one is left, so the types stay aligned.
   */
  insertAligned(offset: number, text: string, why?: string): void {
    this.insert(offset, text, why);
    const after = /^(\s*:)( +)/.exec(this.text.slice(offset));
    if (!after) return;
    const spare = after[2]!.length - 1;
    const take = Math.min(spare, text.length);
    if (take > 0) this.removals.push({ start: offset + after[1]!.length, end: offset + after[1]!.length + take });
  }

  /** Inserts `text` at `offset`; `why` goes to the end of that line as `# proposed: why`. */
  insert(offset: number, text: string, why?: string): void {
    this.insertions.push({ offset, text, order: this.sequence++ });
    if (why) this.comment(this.lineOf(offset), why);
  }

  /** A new line before the line holding `offset`, indented like `indentOf`'s line, with its reason. */
  insertLineBefore(offset: number, line: string, why: string, indentOf = offset): void {
    const start = this.lineStarts[this.lineOf(offset) - 1]!;
    this.insertions.push({
      offset: start,
      text: `${this.indentation(indentOf)}${line}  # proposed: ${why}\n`,
      order: this.sequence++,
    });
  }

  /** `# proposed: why` at the end of the (1-based) line; above it when the line has a comment of its own. */
  comment(line: number, why: string): void {
    this.comments.set(line, [...(this.comments.get(line) ?? []), why]);
  }

  indentation(offset: number): string {
    const start = this.lineStarts[this.lineOf(offset) - 1]!;
    return /^[ \t]*/.exec(this.text.slice(start))![0];
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  apply(): string {
    const all = [...this.insertions];
    for (const [line, whys] of this.comments) {
      const start = this.lineStarts[line - 1]!;
      const next = line < this.lineStarts.length ? this.lineStarts[line]! - 1 : this.text.length;
      const end = next > start && this.text[next - 1] === "\r" ? next - 1 : next;
      const why = `# proposed: ${whys.join("; ")}`;
      if (this.commentedLines.has(line))
        all.push({ offset: start, text: `${this.indentation(start)}${why}\n`, order: this.sequence++ });
      else all.push({ offset: end, text: `  ${why}`, order: Number.MAX_SAFE_INTEGER });
    }
    // removals (spaces only) never overlap an insertion point: apply all from the end of the text
    const steps = [
      ...all.map((i) => ({
        at: i.offset,
        order: i.order,
        run: (text: string) => `${text.slice(0, i.offset)}${i.text}${text.slice(i.offset)}`,
      })),
      ...this.removals.map((r) => ({
        at: r.start,
        order: -1,
        run: (text: string) => `${text.slice(0, r.start)}${text.slice(r.end)}`,
      })),
    ];
    steps.sort((a, b) => b.at - a.at || b.order - a.order);
    let text = this.text;
    for (const step of steps) text = step.run(text);
    return text;
  }
}

/** A unified diff of two texts, three lines of context, for showing what propose changed. */
export function unifiedDiff(before: string, after: string, fromName: string, toName: string): string {
  const a = before.split("\n");
  const b = after.split("\n");
  // longest common subsequence, table from the end
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: Array<{ kind: " " | "-" | "+"; line: string; ai: number; bi: number }> = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) ops.push({ kind: " ", line: a[i]!, ai: i++, bi: j++ });
    else if (i < n && (j >= m || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      ops.push({ kind: "-", line: a[i]!, ai: i++, bi: j });
    else ops.push({ kind: "+", line: b[j]!, ai: i, bi: j++ });
  }
  const out = [`--- ${fromName}`, `+++ ${toName}`];
  const context = 3;
  let index = 0;
  while (index < ops.length) {
    if (ops[index]!.kind === " ") {
      index++;
      continue;
    }
    let start = Math.max(0, index - context);
    let end = index;
    // extend the hunk while changes are within 2 × context of each other
    for (let k = index; k < ops.length; k++) {
      if (ops[k]!.kind !== " ") end = k;
      else if (k - end > 2 * context) break;
    }
    const stop = Math.min(ops.length, end + context + 1);
    start = Math.max(0, start);
    const hunk = ops.slice(start, stop);
    const aStart = hunk[0]!.ai + 1;
    const bStart = hunk[0]!.bi + 1;
    const aCount = hunk.filter((o) => o.kind !== "+").length;
    const bCount = hunk.filter((o) => o.kind !== "-").length;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const op of hunk) out.push(`${op.kind}${op.line}`);
    index = stop;
  }
  return `${out.join("\n")}\n`;
}
