// Every export file is decoded by runtime/extract/decode.ts: the data in chunks, the metadata whole. Both must
// read Windows-1252 as the code page has it (Node's one-shot TextDecoder does not: nodejs/node#56542), refuse
// the bytes it leaves undefined, and say where an undecodable byte is: file, byte, line and column.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodedChunks, decodedText } from "../../runtime/extract/decode.js";
import { SourceReadError, type SourceProblem } from "../../runtime/extract/index.js";
import { codes, readAll, rows, source, writeExport } from "./support.js";

/** "d’Analyse €–" as Windows-1252 writes it: ’ 0x92, € 0x80, – 0x96. */
const ANALYSE = Buffer.from([0x64, 0x92, 0x41, 0x6e, 0x61, 0x6c, 0x79, 0x73, 0x65, 0x20, 0x80, 0x96]);

// Windows-1252's 0x80–0x9F from the code page's table; "" where it defines no character.
const HIGH = "€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ".split("").map((c) => (c === " " ? "" : c));
const UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

function fileOf(name: string, bytes: Buffer): { relative: string; absolute: string } {
  const dir = writeExport({ [name]: bytes });
  return { relative: name, absolute: join(dir, name) };
}

async function chunksOf(bytes: Buffer, encoding: string): Promise<string> {
  let text = "";
  for await (const chunk of decodedChunks(fileOf("data.csv", bytes), { encoding })) text += chunk;
  return text;
}

/**
 * The one problem decoding `bytes` whole refuses them with; in chunks, the same but for the text shown near
 * the byte, which is the chunk's.
 */
async function refusal(bytes: Buffer, encoding: string): Promise<SourceProblem> {
  const file = fileOf("data.csv", bytes);
  let whole: unknown;
  try {
    decodedText(file, readFileSync(file.absolute), { encoding });
  } catch (error) {
    whole = error;
  }
  const chunked = await chunksOf(bytes, encoding).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(whole).toBeInstanceOf(SourceReadError);
  expect(chunked).toBeInstanceOf(SourceReadError);
  const [problem] = (whole as SourceReadError).problems;
  const placed = (p: SourceProblem | undefined) => p && { ...p, message: p.message.replace(/ \(near .*$/, "") };
  expect((chunked as SourceReadError).problems.map(placed)).toEqual([placed(problem)]);
  return problem!;
}

describe("Windows-1252 is decoded as the code page has it", () => {
  it('reads "d’Analyse €–" whole and in chunks', async () => {
    expect(decodedText(fileOf("Custom_Edits.csv", ANALYSE), ANALYSE, { encoding: "windows-1252" })).toBe(
      "d’Analyse €–",
    );
    expect(await chunksOf(ANALYSE, "windows-1252")).toBe("d’Analyse €–");
  });

  it("reads every byte it defines, under each label TextDecoder takes for it", async () => {
    const bytes = Buffer.from([...Array(256).keys()].filter((b) => !UNDEFINED.includes(b)));
    const expected = [...bytes].map((b) => (b >= 0x80 && b < 0xa0 ? HIGH[b - 0x80]! : String.fromCharCode(b))).join("");
    expect(HIGH.filter((c) => c === "").length).toBe(UNDEFINED.length);
    for (const encoding of ["windows-1252", "cp1252", "latin1", "iso-8859-1", "ascii"]) {
      expect(decodedText(fileOf("a.csv", bytes), bytes, { encoding }), encoding).toBe(expected);
      expect(await chunksOf(bytes, encoding), encoding).toBe(expected);
    }
  });

  it("reads a character at a chunk boundary of a large file", async () => {
    const bytes = Buffer.concat([Buffer.alloc((1 << 16) - 5, 0x61), ANALYSE]);
    expect((await chunksOf(bytes, "windows-1252")).slice(-12)).toBe("d’Analyse €–");
  });
});

describe("bytes Windows-1252 does not define are refused, as undecodable UTF-8 is", () => {
  it.each(UNDEFINED.map((byte) => [`0x${byte.toString(16).toUpperCase()}`, byte] as const))(
    "%s, with the file, byte, line and column",
    async (name, byte) => {
      const bytes = Buffer.concat([Buffer.from("ID,Note\r\n1,Call "), Buffer.from([byte]), Buffer.from(" back\r\n")]);
      expect(await refusal(bytes, "windows-1252")).toEqual({
        severity: "error",
        code: "MR3012",
        message: 'data.csv is not valid WINDOWS-1252 at byte 16 (near "ID,Note 1,Call � back ").',
        file: "data.csv",
        line: 2,
        column: 8,
        hint: `Windows-1252 has no character for byte ${name}: correct it in the export, or declare the encoding the file is in`,
      });
    },
  );

  it("refuses it under every label of Windows-1252", async () => {
    for (const encoding of ["cp1252", "latin1", "iso-8859-1", "us-ascii"]) {
      expect(await refusal(Buffer.from([0x41, 0x0a, 0x42, 0x9d]), encoding), encoding).toMatchObject({
        code: "MR3012",
        line: 2,
        column: 2,
      });
    }
  });

  it("finds it past the first chunk, counting CRLF, LF and CR line ends", async () => {
    const lines = Buffer.from("a\r\nb\nc\rd\r\n".repeat(10_000));
    const bytes = Buffer.concat([lines, Buffer.from("xyz"), Buffer.from([0x8f])]);
    expect(await refusal(bytes, "windows-1252")).toMatchObject({
      message: expect.stringContaining(`at byte ${lines.length + 3} `) as string,
      line: 40_001,
      column: 4,
    });
    // a CRLF split between two chunks is one line end
    const split = Buffer.concat([Buffer.alloc((1 << 16) - 1, 0x61), Buffer.from("\r\nx"), Buffer.from([0x90])]);
    expect(await refusal(split, "windows-1252")).toMatchObject({ line: 2, column: 2 });
  });

  it("leaves U+0081 alone in a UTF-8 file, where it is a character", async () => {
    const bytes = Buffer.from("ID\n\u0081\n");
    expect(await chunksOf(bytes, "utf-8")).toBe("ID\n\u0081\n");
  });

  it("refuses the record's file in a CSV source, as MR3012", async () => {
    const dir = writeExport({
      "Notes.csv": Buffer.concat([
        Buffer.from("Note_NoteId,Note_Note\r\n1,Call"),
        Buffer.from([0x81]),
        Buffer.from("\r\n"),
      ]),
    });
    const outcome = await readAll(
      source("csv", "Notes.csv", ["Note_NoteId", "Note_Note"], { encoding: "cp1252" }),
      dir,
    );
    expect(rows(outcome)).toEqual([]);
    expect(codes(outcome.errors)).toEqual(["MR3012"]);
    expect(outcome.errors[0]).toMatchObject({ file: "Notes.csv", line: 2, column: 7 });
  });
});

describe("undecodable UTF-8 is placed exactly", () => {
  it("names the byte, line and column", async () => {
    const bytes = Buffer.concat([Buffer.from("ID,Name\n1,M"), Buffer.from([0xfc]), Buffer.from("ller\n")]);
    expect(await refusal(bytes, "utf-8")).toMatchObject({
      message: 'data.csv is not valid UTF-8 at byte 11 (near "ID,Name 1,M�ller ").',
      line: 2,
      column: 4,
      hint: 'declare the file\'s encoding, e.g. `encoding "windows-1252"`',
    });
  });

  it("counts a byte order mark as bytes, not as a column", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("ID\nM"), Buffer.from([0xfc])]);
    expect(await refusal(bytes, "utf-8")).toMatchObject({ message: expect.stringContaining("at byte 7 ") as string });
    expect(
      await refusal(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x41]), Buffer.from([0xfc])]), "utf-8"),
    ).toMatchObject({
      message: expect.stringContaining("at byte 4 ") as string,
      line: 1,
      column: 2,
    });
  });

  it("places a byte after a character that straddles two chunks", async () => {
    // "é" (0xC3 0xA9) begins in the first 64 KiB chunk and ends in the second, which holds the bad byte
    const first = Buffer.concat([Buffer.alloc((1 << 16) - 1, 0x61), Buffer.from([0xc3])]);
    const bytes = Buffer.concat([first, Buffer.from([0xa9, 0x62, 0xff])]);
    expect(await refusal(bytes, "utf-8")).toMatchObject({
      message: expect.stringContaining(`at byte ${(1 << 16) + 2} `) as string,
      line: 1,
      column: (1 << 16) + 2,
    });
  });

  it("places a character the file ends inside", async () => {
    const bytes = Buffer.concat([Buffer.from("ID\nab"), Buffer.from([0xe2, 0x82])]);
    expect(await refusal(bytes, "utf-8")).toMatchObject({
      message: expect.stringContaining("at byte 5 ") as string,
      line: 2,
      column: 3,
    });
  });
});
