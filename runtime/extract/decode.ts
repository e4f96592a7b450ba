// Bytes → text, one chunk at a time. A byte order mark wins over the declared encoding (with a warning),
// and the text is decoded strictly: a Windows-1252 file read as UTF-8 fails loudly instead of turning every
// "ü" into "�", and so does a byte Windows-1252 leaves undefined. Every export file is decoded here, the
// metadata read whole (decodedText) as much as the data read in chunks (decodedChunks).
import { createReadStream } from "node:fs";
import { sourceProblem, SourceReadError, type SourceProblem } from "./problems.js";
import type { ExportFile } from "./types.js";

export interface DecodeOptions {
  encoding: string;
  signal?: AbortSignal;
  onProblem?: (problem: SourceProblem) => void;
}

const CHUNK_BYTES = 1 << 16;

const byteOrderMarks: Array<{ bytes: number[]; encoding: string }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

/** The text of a file in chunks (never empty strings), decoded with its byte order mark stripped. */
export async function* decodedChunks(file: ExportFile, options: DecodeOptions): AsyncGenerator<string> {
  const stream = createReadStream(file.absolute, {
    highWaterMark: CHUNK_BYTES,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  let decoder: StrictDecoder | undefined;
  let head: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let bytes = chunk;
    if (!decoder) {
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      if (head.length < 3) continue;
      decoder = new StrictDecoder(file, encodingOf(head, file, options));
      bytes = head;
    }
    const text = decoder.decode(bytes);
    if (text !== "") yield text;
  }
  if (!decoder) {
    if (head.length === 0) return;
    decoder = new StrictDecoder(file, encodingOf(head, file, options));
    const text = decoder.decode(head);
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
}

/**
 * The text of a whole file already in memory (a metadata file), decoded as decodedChunks decodes it.
 * Throws SourceReadError (MR3012) where the bytes are not text in that encoding.
 */
export function decodedText(file: ExportFile, bytes: Buffer, options: DecodeOptions): string {
  if (bytes.length === 0) return "";
  const decoder = new StrictDecoder(file, encodingOf(bytes, file, options));
  return decoder.decode(bytes) + decoder.end();
}

function encodingOf(head: Buffer, file: ExportFile, options: DecodeOptions): string {
  const declared = new TextDecoder(options.encoding).encoding;
  const mark = byteOrderMarks.find((m) => m.bytes.every((byte, i) => head[i] === byte));
  if (!mark || mark.encoding === declared) return declared;
  options.onProblem?.(sourceProblem("MR3011", file.relative, { found: mark.encoding, declared: options.encoding }));
  return mark.encoding;
}

// The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D): the WHATWG decoder maps each
// to the C1 control of the same number, even when fatal. Decoded with `stream: true`, a Windows-1252 text
// holds no other character in U+0080–U+009F (0x80–0x9F are "€", "‚", … "Ÿ"), so any is one of those bytes.
// Every label TextDecoder reads as windows-1252 ("cp1252", "latin1", "iso-8859-1", "ascii") is checked.
const UNDEFINED_IN_WINDOWS_1252 = /[\u0080-\u009f]/;

class StrictDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  /** bytes decoded before this chunk */
  private offset = 0;
  /** where the text decoded so far ends: its line (1-based), and the characters of that line so far */
  private line = 1;
  private column = 0;
  private afterCarriageReturn = false;
  /** UTF-8: the bytes at the end of the last chunk that start a character the next one ends */
  private carry: Buffer = Buffer.alloc(0);

  constructor(
    private readonly file: ExportFile,
    private readonly encoding: string,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  // Always `stream: true`, even for a whole file: Node 20.18.3+ and 22.13+ decode 0x80–0x9F of a one-shot
  // windows-1252 decode as Latin-1 ("’" becomes U+0092; nodejs/node#56542). The streaming path is right.
  decode(bytes: Buffer): string {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch (error) {
      throw this.invalid(bytes, error);
    }
    if (this.encoding === "windows-1252") {
      const at = text.search(UNDEFINED_IN_WINDOWS_1252);
      if (at >= 0) throw this.undefinedByte(text, at);
    }
    this.offset += bytes.length;
    this.advance(text);
    if (this.encoding === "utf-8")
      this.carry = incompleteUtf8Tail(bytes.length >= 3 ? bytes : Buffer.concat([this.carry, bytes]));
    return text;
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch (error) {
      throw this.invalid(Buffer.alloc(0), error);
    }
  }

  // Where the first undecodable byte is: decode the chunk leniently (after the start of a character the
  // last chunk ended in, and keeping a byte order mark, which counts as bytes) and find the replacement character.
  private invalid(bytes: Buffer, cause: unknown): SourceReadError {
    const carried = this.encoding === "utf-8" ? this.carry : Buffer.alloc(0);
    const lenient = new TextDecoder(this.encoding, { ignoreBOM: true });
    const text = lenient.decode(Buffer.concat([carried, bytes]), { stream: true }) + lenient.decode();
    const at = Math.max(0, text.indexOf("\uFFFD"));
    const before =
      this.encoding === "utf-8" ? Buffer.byteLength(text.slice(0, at)) - carried.length : (at - carried.length) * 2;
    const mark = this.offset === 0 && text.startsWith("\uFEFF") ? 1 : 0;
    const hint = this.encoding === "utf-8" ? 'declare the file\'s encoding, e.g. `encoding "windows-1252"`' : undefined;
    return this.refusal(text.slice(mark), Math.max(0, at - mark), this.offset + before, hint, cause);
  }

  private undefinedByte(text: string, at: number): SourceReadError {
    const byte = text.charCodeAt(at).toString(16).toUpperCase();
    const hint = `Windows-1252 has no character for byte 0x${byte}: correct it in the export, or declare the encoding the file is in`;
    // one byte per character: the character's index is the byte's
    return this.refusal(text.replace(new RegExp(UNDEFINED_IN_WINDOWS_1252, "g"), "\uFFFD"), at, this.offset + at, hint);
  }

  /** MR3012 at `offset`, where the chunk's `text` has the bad character at `at`: file, line and column. */
  private refusal(text: string, at: number, offset: number, hint: string | undefined, cause?: unknown) {
    const near = text.slice(Math.max(0, at - 20), at + 20).replace(/\s+/g, " ");
    const { line, column } = this.positionOf(text.slice(0, at));
    const problem = sourceProblem(
      "MR3012",
      this.file.relative,
      { encoding: this.encoding.toUpperCase(), offset, near },
      { line, column, ...(hint ? { hint } : {}) },
    );
    return new SourceReadError([problem], { cause });
  }

  // Line breaks as the CSV reader counts them: LF, CRLF once, and a bare CR (old Mac exports).
  private advance(text: string): void {
    const { line, column } = this.positionOf(text);
    this.line = line;
    this.column = column - 1;
    this.afterCarriageReturn = text.endsWith("\r") || (text === "" && this.afterCarriageReturn);
  }

  /** The line and 1-based column of the character that would follow `text`, decoded after all before it. */
  private positionOf(text: string): { line: number; column: number } {
    let line = this.line;
    let lineStart = -1;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
      const endsCrLf = i === 0 ? this.afterCarriageReturn : text.charCodeAt(i - 1) === 13;
      if (!endsCrLf) line++;
      lineStart = i;
    }
    for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) {
      line++;
      lineStart = Math.max(lineStart, i);
    }
    return { line, column: (lineStart < 0 ? this.column + text.length : text.length - lineStart - 1) + 1 };
  }
}

/** The last bytes of `bytes` when they start a UTF-8 character that is not complete yet; else none. */
function incompleteUtf8Tail(bytes: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!;
    if (byte < 0x80) return Buffer.alloc(0);
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back < length ? Buffer.from(bytes.subarray(bytes.length - back)) : Buffer.alloc(0);
    }
  }
  return Buffer.alloc(0);
}
