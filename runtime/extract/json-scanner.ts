// A streaming JSON reader that finds the records array of a document (`results`, `value`, `data`, or the
// path `records` names) and hands back its elements one at a time, each parsed by JSON.parse. Memory is one
// element, not the file. The top-level members beside the records (`paging`, `@odata.nextLink`, `links`,
// `meta`) are handed back too, so the paged formats can follow their chain; they are small by design.
//
// Outside the elements the scanner checks the JSON grammar itself; inside one it only matches brackets
// and strings, and leaves the rest to JSON.parse (whose failures locateJsonFault pins to a position).
import { lineAndColumn, locateJsonFault } from "./json-errors.js";

export type JsonScanEvent =
  { kind: "record"; value: unknown; line: number } | { kind: "member"; key: string; value: unknown };

/** Where the records are: a key path to the array ([] = the document itself), or keys to try at the top. */
export type RecordsTarget = { path: string[] } | { candidates: string[] };

export class JsonSyntaxError extends Error {
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${detail} at line ${line}, column ${column}`);
    this.name = "JsonSyntaxError";
  }
}

/** The document is valid so far but cannot hold the records where they are looked for. */
export class JsonShapeError extends Error {
  override name = "JsonShapeError";
}

export class JsonValueTooLargeError extends Error {
  constructor(readonly line: number) {
    super(`a value starting at line ${line} is too large`);
    this.name = "JsonValueTooLargeError";
  }
}

type Expect = "value" | "key" | "key-or-end" | "colon" | "comma-or-end" | "value-or-end";
type Role = "path" | "records";
interface Frame {
  kind: "object" | "array";
  role: Role;
  /** keys from the document root to this container */
  path: string[];
  expect: Expect;
  key?: string;
}
type Purpose = "record" | "member" | "key" | "skip";
interface Capture {
  purpose: Purpose;
  parts: string[];
  /** start of the captured text in the current chunk */
  from: number;
  length: number;
  closers: number[];
  inString: boolean;
  escape: boolean;
  scalar: boolean;
  line: number;
  column: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const LF = 0x0a;
const VALUE_START = /["{[\-0-9tfn]/;

export class JsonRecordScanner {
  private readonly stack: Frame[] = [];
  private capture: Capture | undefined;
  private events: JsonScanEvent[] = [];
  private chunkOffset = 0;
  private line = 1;
  private lineStart = 0;
  private rootDone = false;
  /** what the document turned out to be */
  root: "none" | "array" | "object" | "scalar" = "none";
  recordsFound = false;

  constructor(
    private readonly target: RecordsTarget,
    private readonly maxValueChars: number,
  ) {}

  push(text: string): JsonScanEvent[] {
    let i = 0;
    while (i < text.length) {
      if (this.capture) {
        i = this.scanCapture(text, i);
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === LF) {
        this.newline(i);
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
        this.structural(text, i);
        if (this.capture) continue;
      }
      i++;
    }
    if (this.capture) this.carry(text);
    this.chunkOffset += text.length;
    const events = this.events;
    this.events = [];
    return events;
  }

  finish(): JsonScanEvent[] {
    const capture = this.capture;
    if (capture) {
      if (!(capture.scalar && capture.closers.length === 0 && !capture.inString)) {
        throw new JsonSyntaxError(
          "the file ends inside the value that starts here: is it cut off?",
          capture.line,
          capture.column,
        );
      }
      this.endCapture("", 0);
    }
    const top = this.stack[this.stack.length - 1];
    if (top) throw this.syntaxError(`unexpected end of the file: '${top.kind === "object" ? "}" : "]"}' is missing`, 0);
    const events = this.events;
    this.events = [];
    return events;
  }

  private newline(i: number): void {
    this.line++;
    this.lineStart = this.chunkOffset + i + 1;
  }

  private syntaxError(detail: string, i: number): JsonSyntaxError {
    return new JsonSyntaxError(detail, this.line, this.chunkOffset + i - this.lineStart + 1);
  }

  // One non-blank character outside any captured value.
  private structural(text: string, i: number): void {
    const ch = text[i]!;
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (this.rootDone) throw this.syntaxError(`unexpected '${ch}' after the end of the document`, i);
      this.startRootValue(text, i);
      return;
    }
    switch (top.expect) {
      case "key":
      case "key-or-end":
        if (ch === "}" && top.expect === "key-or-end") return this.close();
        if (ch !== '"') throw this.syntaxError(`expected a property name in double quotes but found '${ch}'`, i);
        return this.startCapture("key", i);
      case "colon":
        if (ch !== ":") throw this.syntaxError(`expected ':' after the property name but found '${ch}'`, i);
        top.expect = "value";
        return;
      case "comma-or-end": {
        const closer = top.kind === "object" ? "}" : "]";
        if (ch === closer) return this.close();
        if (ch !== ",") throw this.syntaxError(`expected ',' or '${closer}' but found '${ch}'`, i);
        top.expect = top.kind === "object" ? "key" : "value";
        return;
      }
      case "value-or-end":
        if (ch === "]") return this.close();
        break;
      case "value":
        break;
    }
    if (!VALUE_START.test(ch)) throw this.syntaxError(`expected a value but found '${ch}'`, i);
    if (top.kind === "array") return this.startCapture("record", i);
    this.startMemberValue(top, text, i);
  }

  private startRootValue(text: string, i: number): void {
    const ch = text[i]!;
    if (!VALUE_START.test(ch)) throw this.syntaxError(`expected a JSON value but found '${ch}'`, i);
    if (ch === "[") {
      this.root = "array";
      if ("path" in this.target && this.target.path.length > 0) {
        throw new JsonShapeError(`the document is an array, not an object with \`${this.target.path.join(".")}\``);
      }
      this.recordsFound = true;
      this.stack.push({ kind: "array", role: "records", path: [], expect: "value-or-end" });
    } else if (ch === "{") {
      this.root = "object";
      this.stack.push({ kind: "object", role: "path", path: [], expect: "key-or-end" });
    } else {
      this.root = "scalar";
      this.startCapture("skip", i);
    }
  }

  private startMemberValue(top: Frame, text: string, i: number): void {
    const ch = text[i]!;
    const key = top.key!;
    const path = [...top.path, key];
    top.expect = "comma-or-end";
    const atTop = top.path.length === 0;
    if ("candidates" in this.target) {
      if (atTop && ch === "[" && !this.recordsFound && this.target.candidates.includes(key))
        return this.openRecords(path);
    } else {
      const wanted = this.target.path;
      const onPath = path.length <= wanted.length && path.every((part, index) => part === wanted[index]);
      if (onPath && path.length === wanted.length) {
        if (ch !== "[") throw new JsonShapeError(`\`${path.join(".")}\` is ${kindOfValue(ch)}, not an array`);
        return this.openRecords(path);
      }
      if (onPath) {
        if (ch !== "{") throw new JsonShapeError(`\`${path.join(".")}\` is ${kindOfValue(ch)}, not an object`);
        this.stack.push({ kind: "object", role: "path", path, expect: "key-or-end" });
        return;
      }
    }
    this.startCapture(atTop ? "member" : "skip", i);
  }

  private openRecords(path: string[]): void {
    this.recordsFound = true;
    this.stack.push({ kind: "array", role: "records", path, expect: "value-or-end" });
  }

  private close(): void {
    this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.expect = "comma-or-end";
    else this.rootDone = true;
  }

  private startCapture(purpose: Purpose, i: number): void {
    this.capture = {
      purpose,
      parts: [],
      from: i,
      length: 0,
      closers: [],
      inString: false,
      escape: false,
      scalar: false,
      line: this.line,
      column: this.chunkOffset + i - this.lineStart + 1,
    };
  }

  /** Scans the captured value from `i`; returns where scanning goes on (after the value, or the chunk's end). */
  private scanCapture(text: string, i: number): number {
    const capture = this.capture!;
    const closers = capture.closers;
    const n = text.length;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (capture.inString) {
        if (capture.escape) {
          capture.escape = false;
          i++;
          continue;
        }
        while (c !== QUOTE && c !== BACKSLASH && ++i < n) c = text.charCodeAt(i);
        if (i >= n) break;
        i++;
        if (c === BACKSLASH) {
          capture.escape = true;
          continue;
        }
        capture.inString = false;
        if (closers.length === 0) return this.endCapture(text, i);
        continue;
      }
      switch (c) {
        case QUOTE:
          if (capture.scalar && closers.length === 0) return this.endCapture(text, i);
          capture.inString = true;
          break;
        case OPEN_BRACE:
        case OPEN_BRACKET:
          if (capture.scalar && closers.length === 0) return this.endCapture(text, i);
          closers.push(c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
          break;
        case CLOSE_BRACE:
        case CLOSE_BRACKET:
          if (closers.length === 0) return this.endCapture(text, i);
          if (closers[closers.length - 1] !== c) {
            throw this.syntaxError(
              `expected '${String.fromCharCode(closers[closers.length - 1]!)}' but found '${String.fromCharCode(c)}'`,
              i,
            );
          }
          closers.pop();
          if (closers.length === 0) return this.endCapture(text, i + 1);
          break;
        case COMMA:
        case COLON:
          if (closers.length === 0) return this.endCapture(text, i);
          break;
        case LF:
          if (closers.length === 0) return this.endCapture(text, i);
          this.newline(i);
          break;
        case 0x20:
        case 0x09:
        case 0x0d:
          if (closers.length === 0) return this.endCapture(text, i);
          break;
        default:
          if (closers.length === 0) capture.scalar = true;
      }
      i++;
    }
    return i;
  }

  // The chunk ends inside a captured value: keep its text so far (unless it is only being skipped).
  private carry(text: string): void {
    const capture = this.capture!;
    const piece = text.slice(capture.from);
    capture.length += piece.length;
    capture.from = 0;
    if (capture.purpose === "skip") return;
    capture.parts.push(piece);
    if (capture.length > this.maxValueChars) throw new JsonValueTooLargeError(capture.line);
  }

  private endCapture(text: string, end: number): number {
    const capture = this.capture!;
    this.capture = undefined;
    const top = this.stack[this.stack.length - 1];
    if (!top) this.rootDone = true;
    if (capture.purpose === "skip") return end;
    if (capture.length + end - capture.from > this.maxValueChars) throw new JsonValueTooLargeError(capture.line);
    const piece = text.slice(capture.from, end);
    const raw = capture.parts.length === 0 ? piece : capture.parts.join("") + piece;
    const value = this.parse(raw, capture);
    if (capture.purpose === "key") {
      top!.key = value as string;
      top!.expect = "colon";
    } else if (capture.purpose === "record") {
      top!.expect = "comma-or-end";
      this.events.push({ kind: "record", value, line: capture.line });
    } else {
      this.events.push({ kind: "member", key: top!.key!, value });
    }
    return end;
  }

  private parse(raw: string, capture: Capture): unknown {
    try {
      return JSON.parse(raw);
    } catch {
      const fault = locateJsonFault(raw) ?? { offset: 0, detail: "invalid JSON" };
      const at = lineAndColumn(raw, fault.offset);
      const column = at.line === 1 ? capture.column + at.column - 1 : at.column;
      throw new JsonSyntaxError(fault.detail, capture.line + at.line - 1, column);
    }
  }
}

function kindOfValue(ch: string): string {
  if (ch === "{") return "an object";
  if (ch === "[") return "an array";
  if (ch === '"') return "a string";
  if (ch === "t" || ch === "f") return "a boolean";
  if (ch === "n") return "null";
  return "a number";
}
