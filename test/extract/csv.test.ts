import { describe, expect, it } from "vitest";
import { parse as parseCsv } from "csv-parse/sync";
import { checkSourceHeader, readSource } from "../../runtime/extract/index.js";
import { codes, readAll, rows, source, writeExport } from "./support.js";

const bom = "\uFEFF";

interface CsvCase {
  name: string;
  file: string | Buffer;
  columns: string[];
  settings?: Record<string, string | number | string[]>;
  rows?: Array<Record<string, unknown>>;
  lines?: number[];
  problems?: Array<string | undefined>;
  warnings?: string[];
  errors?: string[];
}

const cases: CsvCase[] = [
  {
    name: "UTF-8 with a BOM, label headers, a quoted newline and CRLF",
    file: `${bom}Record ID, Company name ,Street Address\r\n5101,Helios,"Main St 1\nBuilding B"\r\n5102,"Smith, Jones & ""Partners""",\r\n`,
    columns: ["Record ID", "Company name", "Street Address"],
    rows: [
      { "Record ID": "5101", "Company name": "Helios", "Street Address": "Main St 1\nBuilding B" },
      { "Record ID": "5102", "Company name": 'Smith, Jones & "Partners"', "Street Address": null },
    ],
    lines: [2, 4],
  },
  {
    name: "Windows-1252 with CRLF and a NULL marker",
    file: Buffer.concat([
      Buffer.from("Comp_CompanyId,Comp_Name,Comp_Revenue,Comp_Deleted\r\n1,"),
      Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]), // Müller
      Buffer.from(",1000 "),
      Buffer.from([0x80]), // €
      Buffer.from(",NULL\r\n2,NULL,N/A,1\r\n"),
    ]),
    columns: ["Comp_CompanyId", "Comp_Name", "Comp_Revenue", "Comp_Deleted"],
    settings: { encoding: "windows-1252", null: ["NULL", "N/A"] },
    rows: [
      { Comp_CompanyId: "1", Comp_Name: "Müller", Comp_Revenue: "1000 €", Comp_Deleted: null },
      { Comp_CompanyId: "2", Comp_Name: null, Comp_Revenue: null, Comp_Deleted: "1" },
    ],
    lines: [2, 3],
  },
  {
    name: "null markers joined by a unit separator (older plans)",
    file: "A,B,C\nNULL,-,x\n",
    columns: ["A", "B", "C"],
    settings: { null: "NULL\u001f-" },
    rows: [{ A: null, B: null, C: "x" }],
  },
  {
    name: "latin1 is read as Windows-1252 (the WHATWG label)",
    file: Buffer.from([0x41, 0x0a, 0xfc, 0x80, 0x0a]),
    columns: ["A"],
    settings: { encoding: "latin1" },
    rows: [{ A: "ü€" }],
  },
  {
    name: "UTF-16LE with its BOM",
    file: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("ID\tName\r\n7\tΟλγα\r\n", "utf16le")]),
    columns: ["ID", "Name"],
    settings: { encoding: "utf-16le", delimiter: "\t" },
    rows: [{ ID: "7", Name: "Ολγα" }],
  },
  {
    name: "; delimiter, DD-MM-YYYY text and a quoted ; inside a cell",
    file: 'ID;Name;Created\n1;"Acme; Inc";01-02-2024\n\n2;Beta;\n',
    columns: ["ID", "Name", "Created"],
    settings: { delimiter: ";" },
    rows: [
      { ID: "1", Name: "Acme; Inc", Created: "01-02-2024" },
      { ID: "2", Name: "Beta", Created: null },
    ],
    lines: [2, 4],
  },
  {
    name: "a header on line 3, under a report title",
    file: "Deals report\n\nID,Name\n1,A\n",
    columns: ["ID", "Name"],
    settings: { headerRow: 3 },
    rows: [{ ID: "1", Name: "A" }],
    lines: [4],
  },
  {
    name: "quoting off, and `tab` for a tab delimiter",
    file: 'ID\tName\n1\t"Acme"\n',
    columns: ["ID", "Name"],
    settings: { delimiter: "tab", quote: "" },
    rows: [{ ID: "1", Name: '"Acme"' }],
  },
  { name: "header only", file: "ID,Name\r\n", columns: ["ID", "Name"], rows: [] },
  { name: "an empty file (0 bytes)", file: "", columns: ["ID", "Name"], rows: [] },
  { name: "no final line break", file: 'ID,Name\n1,"A"', columns: ["ID", "Name"], rows: [{ ID: "1", Name: "A" }] },
  {
    name: "a ragged row is yielded with a problem, the read goes on",
    file: "ID,Name,City\n1,A,Berlin\n2,B\n3,C,Paris,extra\n4,D,Rome\n",
    columns: ["ID", "Name", "City"],
    rows: [
      { ID: "1", Name: "A", City: "Berlin" },
      { ID: "2", Name: "B", City: null },
      { ID: "3", Name: "C", City: "Paris" },
      { ID: "4", Name: "D", City: "Rome" },
    ],
    lines: [2, 3, 4, 5],
    problems: [
      undefined,
      "Row has 2 cell(s) but the header has 3 (data.csv line 3).",
      "Row has 4 cell(s) but the header has 3 (data.csv line 4).",
      undefined,
    ],
  },
  {
    name: "text after a closing quote flags the row",
    file: 'ID,Name\n1,"Acme" Inc\n2,"Beta"\n',
    columns: ["ID", "Name"],
    rows: [
      { ID: "1", Name: "Acme Inc" },
      { ID: "2", Name: "Beta" },
    ],
    problems: ['Text after a closing quote (data.csv line 2): the cell is read as "Acme Inc".', undefined],
  },
  {
    name: "a quote inside an unquoted cell is text",
    file: 'ID,Size\n1,5" screen\n',
    columns: ["ID", "Size"],
    rows: [{ ID: "1", Size: '5" screen' }],
  },
  {
    // the survey accounts for undeclared columns (MR3024), knowing the spec's drop patterns; the reader does not
    name: "undeclared columns are left to the survey",
    file: "ID,Name,Fax,Telex\n1,A,,\n",
    columns: ["ID", "Name"],
    rows: [{ ID: "1", Name: "A" }],
  },
  {
    name: "a column is read under the first of its names the header has",
    file: "Contact ID,Associated Company IDs (Primary)\n7,5101\n",
    columns: ["Record ID | Contact ID", "Associated Company IDs | Associated Company IDs (Primary)"],
    rows: [{ "Record ID": "7", "Associated Company IDs": "5101" }],
  },
  {
    name: "the declared name wins over an alternative when the header has both",
    file: "Record ID,Contact ID\n7,8\n",
    columns: ["Record ID | Contact ID"],
    rows: [{ "Record ID": "7" }],
  },
  {
    name: "a missing declared column stops the read",
    file: "ID,Nmae\n1,A\n",
    columns: ["ID", "Name"],
    errors: ["MR3001"],
    rows: [],
  },
  {
    name: "a header that differs only in case and spacing is read, with a warning",
    file: "Record ID,Company Name\n1,Helios\n",
    columns: ["Record ID", "Company name"],
    rows: [{ "Record ID": "1", "Company name": "Helios" }],
    warnings: ["MR3020"],
  },
  {
    name: "a missing optional column reads as empty, with a warning",
    file: "ID,Name\n1,A\n",
    columns: ["ID", "Name", "Fax?"],
    rows: [{ ID: "1", Name: "A", Fax: null }],
    warnings: ["MR3021"],
  },
  {
    name: "two labels that fit one column equally are not guessed",
    file: "ID,Company Name,company name\n1,A,B\n",
    columns: ["ID", "Company name"],
    errors: ["MR3001"],
    rows: [],
  },
  { name: "an unclosed quote", file: 'ID,Name\n1,"Acme\n2,B\n', columns: ["ID", "Name"], errors: ["MR3013"], rows: [] },
  {
    name: "Windows-1252 bytes in a UTF-8 file",
    file: Buffer.from([0x49, 0x44, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]),
    columns: ["ID"],
    errors: ["MR3012"],
    rows: [],
  },
  {
    name: "a UTF-8 BOM wins over a declared Windows-1252",
    file: `${bom}ID\nMüller\n`,
    columns: ["ID"],
    settings: { encoding: "windows-1252" },
    rows: [{ ID: "Müller" }],
    warnings: ["MR3011"],
  },
  {
    name: "a header row past the end of the file",
    file: "title\n",
    columns: ["ID"],
    settings: { headerRow: 3 },
    errors: ["MR3017"],
    rows: [],
  },
  {
    name: "an unknown encoding",
    file: "ID\n1\n",
    columns: ["ID"],
    settings: { encoding: "klingon" },
    errors: ["MR3010"],
    rows: [],
  },
  {
    name: "a two-character delimiter",
    file: "ID\n1\n",
    columns: ["ID"],
    settings: { delimiter: ";;" },
    errors: ["MR3010"],
    rows: [],
  },
];

describe("CSV sources", () => {
  it.each(cases)("$name", async (c) => {
    const dir = writeExport({ "data.csv": c.file });
    const outcome = await readAll(source("csv", "data.csv", c.columns, c.settings), dir);
    if (c.rows) expect(rows(outcome)).toEqual(c.rows);
    if (c.lines) expect(outcome.records.map((r) => r.location.line)).toEqual(c.lines);
    expect(outcome.records.map((r) => r.location.row)).toEqual(outcome.records.map((_, i) => i + 1));
    expect(outcome.records.map((r) => r.problem)).toEqual(c.problems ?? outcome.records.map(() => undefined));
    expect(codes(outcome.warnings)).toEqual(c.warnings ?? []);
    expect(codes(outcome.errors)).toEqual(c.errors ?? []);
  });

  it("checks the header before any row is read", async () => {
    const dir = writeExport({ "data.csv": "Record ID,Company Nme,Fax\n1,A,\n" });
    const problems = await checkSourceHeader(source("csv", "data.csv", ["Record ID", "Company name", "City"]), dir);
    expect(problems).toEqual([
      {
        severity: "error",
        code: "MR3001",
        message: 'Column "Company name" of `Thing` is not in the header of data.csv.',
        file: "data.csv",
        hint: 'did you mean "Company Nme"?',
      },
      {
        severity: "error",
        code: "MR3001",
        message: 'Column "City" of `Thing` is not in the header of data.csv.',
        file: "data.csv",
      },
    ]);
  });

  it("reports a missing file with the path it looked for", async () => {
    const dir = writeExport({});
    const problems = await checkSourceHeader(source("csv", "companies.csv", ["ID"]), dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: "MR3003", severity: "error", file: "companies.csv" });
    expect(problems[0]!.message).toContain(`${dir}/companies.csv`);
  });

  it("reads several files of one `*` path in natural order, numbering rows per file", async () => {
    const dir = writeExport({ "part-10.csv": "ID\n3\n", "part-2.csv": "ID\n2\n", "part-1.csv": "ID\n1\n" });
    const outcome = await readAll(source("csv", "part-*.csv", ["ID"]), dir);
    expect(rows(outcome)).toEqual([{ ID: "1" }, { ID: "2" }, { ID: "3" }]);
    expect(outcome.records.map((r) => `${r.location.file}:${r.location.row}`)).toEqual([
      "part-1.csv:1",
      "part-2.csv:1",
      "part-10.csv:1",
    ]);
  });

  it("stops when the signal is aborted", async () => {
    const dir = writeExport({ "data.csv": "ID\n1\n2\n3\n" });
    const controller = new AbortController();
    const seen: unknown[] = [];
    await expect(async () => {
      for await (const record of readSource(source("csv", "data.csv", ["ID"]), dir, { signal: controller.signal })) {
        seen.push(record.row["ID"]);
        controller.abort();
      }
    }).rejects.toThrow(/abort/i);
    expect(seen).toEqual(["1"]);
  });

  // Differential: random CSV (quotes, doubled quotes, delimiters and line breaks in cells, CRLF and LF)
  // large enough to cross the reader's 64 KiB chunks at arbitrary places, against csv-parse.
  it("agrees with csv-parse on random CSV across chunk boundaries", async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ["a", "b", "ü", "€", "😀", " ", ",", '"', "\n", "\r\n", "x", "1"];
    const cell = () => {
      const text = Array.from(
        { length: Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      return /[",\r\n]/.test(text) || random() < 0.2 ? `"${text.replace(/"/g, '""')}"` : text;
    };
    const lines = ["c1,c2,c3,c4"];
    for (let i = 0; i < 6000; i++) lines.push([cell(), cell(), cell(), cell()].join(","));
    const text = lines.join(random() < 0.5 ? "\r\n" : "\n") + "\n";
    const expected = (
      parseCsv(text, {
        relax_column_count: true,
        skip_empty_lines: true,
        record_delimiter: ["\r\n", "\n"],
      }) as string[][]
    ).slice(1);
    const dir = writeExport({ "data.csv": text });
    const outcome = await readAll(source("csv", "data.csv", ["c1", "c2", "c3", "c4"]), dir);
    expect(outcome.errors).toEqual([]);
    const got = outcome.records.map((r) => ["c1", "c2", "c3", "c4"].map((c) => (r.row[c] as string | null) ?? ""));
    expect(got).toEqual(
      expected.map((cells) => cells.slice(0, 4).concat(Array(Math.max(0, 4 - cells.length)).fill(""))),
    );
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 * 65536);
  });
});

describe("the CSV record parser", () => {
  // The reader feeds 64 KiB chunks; here every split point is tried, down to one character at a time.
  it("gives the same records and lines however the text is split", async () => {
    const { CsvRecordParser } = await import("../../runtime/extract/csv-parser.js");
    const text = 'a,b\r\n"x\r\ny","q""uote"\r\n\r\n1,\r\n"",""""\n"end"';
    const parse = (pieces: string[]) => {
      const parser = new CsvRecordParser({ delimiter: ",", quote: '"', skipLines: 0, maxRecordChars: 1e6 });
      return [...pieces.flatMap((piece) => parser.push(piece)), ...parser.finish()];
    };
    const whole = parse([text]);
    expect(whole).toEqual([
      { cells: ["a", "b"], line: 1 },
      { cells: ["x\r\ny", 'q"uote'], line: 2 },
      { cells: ["1", ""], line: 5 },
      { cells: ["", '"'], line: 6 },
      { cells: ["end"], line: 7 },
    ]);
    for (let at = 1; at < text.length; at++) expect(parse([text.slice(0, at), text.slice(at)])).toEqual(whole);
    expect(parse([...text])).toEqual(whole);
  });
});
