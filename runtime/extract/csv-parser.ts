// RFC 4180 records from decoded text, fed in chunks. Hand-written rather than csv-parse: the reader needs
// each record's first physical line, and csv-parse with `info: true` managed 70–90k rows/s on a 10-column
// file where this parser does 750–850k (csv-parse without line info: 130–150k). Lenient where exports are
// sloppy: a quote inside an unquoted cell is kept as text, and text after a closing quote is appended to
// the cell and flags the record instead of stopping the read. test/extract/csv.test.ts checks it against
// csv-parse on random input.

export interface CsvRecord {
  cells: string[];
  /** physical line where the record starts (1-based) */
  line: number;
  /** the record had text after a closing quote; this is the first cell it happened in */
  strayQuoteCell?: string;
}

export interface CsvParserOptions {
  delimiter: string;
  /** "" turns quoting off */
  quote: string;
  /** physical lines to skip before the first record (the lines above the header) */
  skipLines: number;
  maxRecordChars: number;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly kind: "unclosed-quote" | "record-too-long",
    readonly line: number,
  ) {
    super(
      kind === "unclosed-quote"
        ? `the quote opened at line ${line} is never closed`
        : `the record at line ${line} is too long`,
    );
    this.name = "CsvSyntaxError";
  }
}

const LF = 10;
const CR = 13;

export class CsvRecordParser {
  private parts: string[] = [];
  private pending = 0;
  /** pending text length at which an incomplete record is worth scanning again */
  private retryAt = 0;
  private line = 1;
  private skipLines: number;
  private readonly delimiter: number;
  private readonly quote: number;

  constructor(private readonly options: CsvParserOptions) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.quote = options.quote === "" ? -1 : options.quote.charCodeAt(0);
    this.skipLines = options.skipLines;
  }

  /** lines consumed so far, including the record in progress only once it is complete */
  get linesRead(): number {
    return this.line - 1;
  }

  push(text: string): CsvRecord[] {
    this.parts.push(text);
    this.pending += text.length;
    const waiting = this.pending < this.retryAt && this.pending <= this.options.maxRecordChars;
    return waiting ? [] : this.parse(false);
  }

  finish(): CsvRecord[] {
    return this.parse(true);
  }

  private parse(final: boolean): CsvRecord[] {
    const s = this.parts.length === 1 ? this.parts[0]! : this.parts.join("");
    const records: CsvRecord[] = [];
    let i = this.skipPreamble(s, final);
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (c === LF || c === CR) {
        // a blank line: no record
        if (c === CR && i + 1 === s.length && !final) break;
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const end = this.parseRecord(s, i, final, records);
      if (end < 0) break;
      i = end;
    }
    this.keep(s, i, final);
    return records;
  }

  // The lines above the header are not CSV (a report title, a blank line): skip them as plain lines.
  private skipPreamble(s: string, final: boolean): number {
    let i = 0;
    while (this.skipLines > 0 && i < s.length) {
      const lf = s.indexOf("\n", i);
      if (lf < 0 && !final) break;
      i = lf < 0 ? s.length : lf + 1;
      this.skipLines--;
      this.line++;
    }
    return this.skipLines > 0 ? s.length : i;
  }

  /** Parses one record at `start`; returns where the next one starts, or -1 if the text ends inside it. */
  private parseRecord(s: string, start: number, final: boolean, records: CsvRecord[]): number {
    const n = s.length;
    const cells: string[] = [];
    let newlines = 0;
    let strayQuoteCell: string | undefined;
    let i = start;
    for (;;) {
      let cell: string;
      if (s.charCodeAt(i) === this.quote) {
        const close = this.closingQuote(s, i + 1);
        if (close < 0) {
          if (final) throw new CsvSyntaxError("unclosed-quote", this.line + newlines);
          return -1;
        }
        if (close + 1 === n && !final) return -1;
        cell = s.slice(i + 1, close);
        if (cell.includes(this.options.quote))
          cell = cell.split(this.options.quote + this.options.quote).join(this.options.quote);
        newlines += countLineBreaks(cell);
        i = close + 1;
        const next = s.charCodeAt(i);
        if (i < n && next !== this.delimiter && next !== LF && next !== CR) {
          const stop = this.cellEnd(s, i);
          if (stop === n && !final) return -1;
          cell += s.slice(i, stop);
          strayQuoteCell ??= cell;
          i = stop;
        }
      } else {
        const stop = this.cellEnd(s, i);
        if (stop === n && !final) return -1;
        cell = s.slice(i, stop);
        i = stop;
      }
      cells.push(cell);
      const c = s.charCodeAt(i);
      if (c === this.delimiter) {
        i++;
        // a delimiter at the very end of the text: the record still has a (last, empty) cell to come
        if (i === n && final) cells.push("");
        if (i < n) continue;
        if (!final) return -1;
      } else if (c === CR) {
        if (i + 1 === n && !final) return -1;
        i += s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else if (c === LF) {
        i++;
      }
      break;
    }
    records.push(
      strayQuoteCell === undefined ? { cells, line: this.line } : { cells, line: this.line, strayQuoteCell },
    );
    this.line += 1 + newlines;
    return i;
  }

  /** index of the quote that closes a quoted cell whose text starts at `from` ("" is an escaped quote) */
  private closingQuote(s: string, from: number): number {
    let j = from;
    for (;;) {
      const k = s.indexOf(this.options.quote, j);
      if (k < 0) return -1;
      if (s.charCodeAt(k + 1) !== this.quote) return k;
      j = k + 2;
    }
  }

  private cellEnd(s: string, from: number): number {
    const n = s.length;
    let k = from;
    while (k < n) {
      const c = s.charCodeAt(k);
      if (c === this.delimiter || c === LF || c === CR) break;
      k++;
    }
    return k;
  }

  // Keep the unparsed tail for the next chunk. A long record is not rescanned for every chunk: wait until
  // the pending text has doubled, so a multi-megabyte cell costs linear time.
  private keep(s: string, from: number, final: boolean): void {
    const rest = final || from >= s.length ? "" : s.slice(from);
    this.parts = rest === "" ? [] : [rest];
    this.pending = rest.length;
    this.retryAt = rest.length > 1 << 16 ? rest.length * 2 : 0;
    if (rest.length > this.options.maxRecordChars) throw new CsvSyntaxError("record-too-long", this.line);
  }
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  // a bare CR also ends a line (old Mac exports); CRLF was counted once above
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== LF) count++;
  return count;
}
