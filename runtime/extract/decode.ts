// Bytes → text, one chunk at a time. A byte order mark wins over the declared encoding (with a warning),
// and UTF-8 is decoded strictly: a Windows-1252 file read as UTF-8 fails loudly instead of turning every
// "ü" into "�".
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

function encodingOf(head: Buffer, file: ExportFile, options: DecodeOptions): string {
  const declared = new TextDecoder(options.encoding).encoding;
  const mark = byteOrderMarks.find((m) => m.bytes.every((byte, i) => head[i] === byte));
  if (!mark || mark.encoding === declared) return declared;
  options.onProblem?.(sourceProblem("MR3011", file.relative, { found: mark.encoding, declared: options.encoding }));
  return mark.encoding;
}

class StrictDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private offset = 0;

  constructor(
    private readonly file: ExportFile,
    private readonly encoding: string,
  ) {
    this.decoder = new TextDecoder(encoding, { fatal: true });
  }

  decode(bytes: Buffer): string {
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      this.offset += bytes.length;
      return text;
    } catch (error) {
      throw this.invalid(bytes, error);
    }
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch (error) {
      throw this.invalid(Buffer.alloc(0), error);
    }
  }

  // Where the first undecodable byte is: decode the chunk leniently and find the replacement character.
  private invalid(bytes: Buffer, cause: unknown): SourceReadError {
    const lenient = new TextDecoder(this.encoding).decode(bytes);
    const at = Math.max(0, lenient.indexOf("\uFFFD"));
    const before = this.encoding === "utf-8" ? Buffer.byteLength(lenient.slice(0, at)) : at * 2;
    const near = lenient.slice(Math.max(0, at - 20), at + 20).replace(/\s+/g, " ");
    const hint = this.encoding === "utf-8" ? 'declare the file\'s encoding, e.g. `encoding "windows-1252"`' : undefined;
    const problem = sourceProblem(
      "MR3012",
      this.file.relative,
      { encoding: this.encoding.toUpperCase(), offset: this.offset + before, near },
      hint ? { hint } : {},
    );
    return new SourceReadError([problem], { cause });
  }
}
