// Writers the sample-export generators share: CSV files streamed row by row (so a benchmark export of a
// million rows never sits in memory), pretty JSON files, and tiny but valid PDF and PNG files; and the folder
// an export goes into, made ready without overwriting an earlier export by accident.
import { createWriteStream, existsSync, type WriteStream } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { dirname, join } from "node:path";

/** A file or folder an export wrote, as a generator returns it and its README counts it. */
export interface WrittenFile {
  /** Relative to outDir, with "/" separators. */
  path: string;
  records: number;
}

/**
 * Makes outDir ready for an export: creates it, and removes what an earlier export wrote at its top
 * (`owned`: every path an export of any shape writes, so one shape replaces another), but only when
 * `replace` says so: overwriting an export by accident would lose whatever was edited in it. Other files
 * in outDir are left alone.
 */
export async function prepareExportFolder(outDir: string, owned: readonly string[], replace: boolean): Promise<void> {
  const existing = owned.filter((path) => existsSync(join(outDir, path)));
  if (existing.length > 0 && !replace)
    throw new Error(
      `${outDir} already holds an export (${existing.join(", ")}); pass replace: true (--replace) to overwrite it`,
    );
  for (const path of existing) await rm(join(outDir, path), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
}

export interface CsvDialect {
  /** Write a UTF-8 byte order mark first, as Excel-friendly exports do. */
  bom: boolean;
  lineEnd: "\r\n" | "\n";
  delimiter: string;
  /** The bytes of the file's text: UTF-8 unless told (a SQL Server dump is in its code page). */
  encode?: (text: string) => Buffer;
}

/** RFC 4180 quoting: quote a cell only when it holds the delimiter, a quote or a line break. */
export function csvCell(value: string, delimiter = ","): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes("\n") || value.includes("\r")) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

export class CsvFile {
  private rows = 0;

  private constructor(
    private readonly stream: WriteStream,
    private readonly dialect: CsvDialect,
  ) {}

  static async create(path: string, header: readonly string[], dialect: CsvDialect): Promise<CsvFile> {
    await mkdir(dirname(path), { recursive: true });
    const file = new CsvFile(createWriteStream(path), dialect);
    if (dialect.bom) await file.write("\uFEFF");
    await file.write(file.line(header));
    return file;
  }

  async writeRow(cells: readonly string[]): Promise<void> {
    this.rows++;
    await this.write(this.line(cells));
  }

  /** Closes the file and returns how many data rows (header excluded) were written. */
  async close(): Promise<number> {
    this.stream.end();
    await once(this.stream, "finish");
    return this.rows;
  }

  private line(cells: readonly string[]): string {
    return (
      cells.map((cell) => csvCell(cell, this.dialect.delimiter)).join(this.dialect.delimiter) + this.dialect.lineEnd
    );
  }

  private async write(text: string): Promise<void> {
    const bytes = this.dialect.encode ? this.dialect.encode(text) : Buffer.from(text, "utf8");
    if (!this.stream.write(bytes)) await once(this.stream, "drain");
  }
}

/** Pretty JSON with a 2-space indent and a final newline. */
export async function writeJsonFile(path: string, value: unknown): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, JSON.stringify(value, null, 2) + "\n", "utf8");
}

/** A one-page PDF 1.4 showing the given lines in Helvetica; text is folded to ASCII ("é" → "e", "–" → "-"). */
export function tinyPdf(lines: readonly string[]): Buffer {
  const escape = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u2010-\u2015]/g, "-")
      .replace(/[\\()]/g, (c) => `\\${c}`)
      .replace(/[^\x20-\x7e]/g, "?");
  const content =
    "BT\n/F1 14 Tf\n72 770 Td\n18 TL\n" + lines.map((line) => `(${escape(line)}) Tj T*\n`).join("") + "ET\n";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}endstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * An RGB PNG whose pixels come from `pixel(x, y)`. The image data is deflate-"stored" (uncompressed)
 * by hand rather than by node:zlib, so the bytes cannot change with the zlib version.
 */
export function tinyPng(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number],
): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    const row = y * (1 + width * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[row + 1 + x * 3] = r;
      raw[row + 2 + x * 3] = g;
      raw[row + 3 + x * 3] = b;
    }
  }
  if (raw.length > 0xffff) throw new RangeError("tinyPng writes a single stored block: keep the image small");
  let a = 1;
  let b = 0;
  for (const byte of raw) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  const zlib = Buffer.alloc(2 + 5 + raw.length + 4);
  zlib.writeUInt8(0x78, 0);
  zlib.writeUInt8(0x01, 1);
  zlib.writeUInt8(0x01, 2); // final block, stored
  zlib.writeUInt16LE(raw.length, 3);
  zlib.writeUInt16LE(~raw.length & 0xffff, 5);
  raw.copy(zlib, 7);
  zlib.writeUInt32BE(((b << 16) | a) >>> 0, 7 + raw.length);

  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, "ascii");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
