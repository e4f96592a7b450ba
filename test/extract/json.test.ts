import { describe, expect, it } from "vitest";
import { checkSourceHeader } from "../../runtime/extract/index.js";
import { codes, readAll, rows, source, writeExport } from "./support.js";

const json = (value: unknown) => JSON.stringify(value, null, 2);

const pipelines = {
  results: [
    {
      id: "default",
      label: "Sales",
      stages: [
        { id: "new", label: "New", metadata: { probability: "0.1" } },
        { id: "won", label: "Won" },
      ],
    },
    { id: "renewals", label: "Renewals", stages: [{ id: "r1", label: "Contract Sent" }] },
    { id: "empty", label: "No stages" },
  ],
};

const note = (id: string, contacts: string[]) => ({
  id,
  properties: { hs_timestamp: "2024-03-05T14:00:00+05:30", hs_note_body: "", hs_attachment_ids: "17104;17105" },
  ...(contacts.length > 0
    ? { associations: { contacts: { results: contacts.map((c) => ({ id: c, type: "note_to_contact" })) } } }
    : {}),
});

describe("JSON sources", () => {
  it("descends `records` into nested arrays, with `../` for the parent and dotted paths", async () => {
    const dir = writeExport({ "pipelines.json": json(pipelines) });
    const stage = source(
      "json",
      "pipelines.json",
      ["../id", "../label", "id", "metadata.probability", "metadata.missing"],
      {
        records: "results[].stages[]",
      },
    );
    const outcome = await readAll(stage, dir);
    expect(rows(outcome)).toEqual([
      { "../id": "default", "../label": "Sales", id: "new", "metadata.probability": "0.1", "metadata.missing": null },
      { "../id": "default", "../label": "Sales", id: "won", "metadata.probability": null, "metadata.missing": null },
      { "../id": "renewals", "../label": "Renewals", id: "r1", "metadata.probability": null, "metadata.missing": null },
    ]);
    expect(outcome.records.map((r) => r.location)).toEqual([1, 2, 3].map((row) => ({ file: "pipelines.json", row })));
  });

  it("reads the top-level records with the line each starts on", async () => {
    const dir = writeExport({ "pipelines.json": json(pipelines) });
    const outcome = await readAll(
      source("json", "pipelines.json", ["id", "stages[].id", "../id"], { records: "results[]" }),
      dir,
    );
    expect(rows(outcome)).toEqual([
      { id: "default", "stages[].id": ["new", "won"], "../id": null },
      { id: "renewals", "stages[].id": ["r1"], "../id": null },
      { id: "empty", "stages[].id": null, "../id": null },
    ]);
    expect(outcome.records.map((r) => r.location.line)).toEqual([3, 20, 30]);
  });

  it.each([
    ["a top-level array", [{ id: 1 }, { id: 2 }]],
    ["`results`", { total: 2, results: [{ id: 1 }, { id: 2 }] }],
    ["`value`", { "@odata.context": "x", value: [{ id: 1 }, { id: 2 }] }],
    ["`data`", { data: [{ id: 1 }, { id: 2 }], meta: { total: 2 } }],
  ])("finds the records without `records`: %s", async (_name, document) => {
    const dir = writeExport({ "things.json": json(document) });
    expect(rows(await readAll(source("json", "things.json", ["id"]), dir))).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("keeps JSON values as found, and turns absent, empty and null-marker values into null", async () => {
    const dir = writeExport({
      "things.json": json([
        { id: 1, on: true, n: 2.5, tags: ["a"], o: { k: 1 }, empty: "", marker: "N/A", nothing: null, list: [] },
      ]),
    });
    const columns = ["id", "on", "n", "tags", "o", "empty", "marker", "nothing", "absent", "list", "list[]"];
    const outcome = await readAll(source("json", "things.json", columns, { null: "N/A" }), dir);
    expect(rows(outcome)).toEqual([
      {
        id: 1,
        on: true,
        n: 2.5,
        tags: ["a"],
        o: { k: 1 },
        empty: null,
        marker: null,
        nothing: null,
        absent: null,
        list: [],
        "list[]": null,
      },
    ]);
  });

  it("reads a key that holds dots (Dataverse annotations) whole", async () => {
    const key = "_parentcustomerid_value@OData.Community.Display.V1.FormattedValue";
    const dir = writeExport({
      "contacts.json": json({ value: [{ [key]: "Acme", "@odata.etag": 'W/"1"', a: { "b.c": 3 } }] }),
    });
    const outcome = await readAll(source("odata", "contacts.json", [key, "@odata.etag", "a.b.c"]), dir);
    expect(rows(outcome)).toEqual([{ [key]: "Acme", "@odata.etag": 'W/"1"', "a.b.c": 3 }]);
  });

  it("flags a record that is not an object and goes on", async () => {
    const dir = writeExport({ "things.json": json([{ id: 1 }, 7, { id: 3 }]) });
    const outcome = await readAll(source("json", "things.json", ["id"]), dir);
    expect(outcome.records.map((r) => [r.row["id"], r.problemCode])).toEqual([
      [1, undefined],
      [null, "MR3016"],
      [3, undefined],
    ]);
    expect(outcome.records[1]!.problem).toBe("Record 2 of things.json is not an object: it is a number.");
  });

  it.each([
    ["a missing comma", '{"results": [\n  {"id": 1}\n  {"id": 2}\n]}', 3, 3, "expected ',' or ']' but found '{'"],
    [
      "a bad value inside a record",
      '{"results": [\n  {"id": 1},\n  {"id": tru}\n]}',
      3,
      10,
      "expected a value but found 't'",
    ],
    [
      "a trailing comma inside a record",
      '[{"id": 1,}]',
      1,
      11,
      "expected a property name in double quotes but found '}'",
    ],
    ["a mismatched bracket", '[{"id": [1, 2}]', 1, 14, "expected ']' but found '}'"],
    ["a cut-off file", '{"results": [{"id": 1}', 1, 23, "unexpected end of the file: ']' is missing"],
    ["garbage after the document", "[]\nx", 2, 1, "unexpected 'x' after the end of the document"],
    [
      "a raw line break in a string",
      '[{"id": "a\nb"}]',
      1,
      11,
      "a raw control character (a line break?) inside a string",
    ],
  ])("names the file and position of malformed JSON: %s", async (_name, text, line, column, detail) => {
    const dir = writeExport({ "bad.json": text });
    const outcome = await readAll(source("json", "bad.json", ["id"]), dir);
    expect(outcome.errors).toEqual([
      {
        severity: "error",
        code: "MR3004",
        message: `bad.json is not valid JSON at line ${line}, column ${column}: ${detail}.`,
        file: "bad.json",
        line,
        column,
      },
    ]);
  });

  it.each([
    [
      "no records array",
      { total: 0, items: [] },
      undefined,
      "no `results` or `value` or `data` array; its members are `total`, `items`",
    ],
    ["`records` names a string", { results: "none" }, "results[]", "`results` is a string, not an array"],
    [
      "`records` expects an object",
      [{ id: 1 }],
      "data.items[]",
      "the document is an array, not an object with `data.items`",
    ],
  ])("refuses a document without records: %s", async (_name, document, records, detail) => {
    const dir = writeExport({ "things.json": json(document) });
    const outcome = await readAll(source("json", "things.json", ["id"], records ? { records } : {}), dir);
    expect(codes(outcome.errors)).toEqual(["MR3006"]);
    expect(outcome.errors[0]!.message).toBe(`things.json holds no records for \`Thing\`: ${detail}.`);
  });

  it("reads an empty file as no records", async () => {
    const dir = writeExport({ "things.json": "" });
    expect(await readAll(source("json", "things.json", ["id"]), dir)).toEqual({
      records: [],
      warnings: [],
      errors: [],
    });
  });

  // Large enough to cross the 64 KiB chunks anywhere: strings with escapes, nesting, unicode.
  it("agrees with JSON.parse on a document much larger than a chunk", async () => {
    const records = Array.from({ length: 3000 }, (_, i) => ({
      id: i,
      name: `Name "${i}" \\ ü € 😀 \u2028`,
      nested: { list: [i, { deep: [`}${i}]`, null, true] }], empty: {} },
    }));
    const dir = writeExport({ "big.json": JSON.stringify({ meta: { note: "{[" }, results: records, paging: {} }) });
    const outcome = await readAll(source("json", "big.json", ["id", "name", "nested.list"]), dir);
    expect(outcome.errors).toEqual([]);
    expect(rows(outcome)).toEqual(records.map((r) => ({ id: r.id, name: r.name, "nested.list": r.nested.list })));
  });
});

describe("JSON Lines sources", () => {
  it("reads one record per line, skips blank lines and flags a broken line", async () => {
    const dir = writeExport({
      "events.jsonl": '{"id": 1, "who": {"name": "A"}}\r\n\n{"id": 2, "who": null}\n{"id": 3,\n{"id": 4}',
    });
    const outcome = await readAll(source("jsonl", "events.jsonl", ["id", "who.name"]), dir);
    expect(rows(outcome)).toEqual([
      { id: 1, "who.name": "A" },
      { id: 2, "who.name": null },
      { id: null, "who.name": null },
      { id: 4, "who.name": null },
    ]);
    expect(outcome.records.map((r) => [r.location.row, r.location.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(outcome.records[2]!.problem).toBe(
      "Line 4 of events.jsonl is not valid JSON: unexpected end: '}' is missing at column 10.",
    );
  });
});

describe("paged API dumps", () => {
  it("reads HubSpot pages through an empty last page", async () => {
    const dir = writeExport({
      "engagements/notes-1.json": json({
        results: [note("1", ["6102"]), note("2", [])],
        paging: { next: { after: "3" } },
      }),
      "engagements/notes-2.json": json({ results: [note("3", ["6101", "6103"])], paging: { next: { after: "4" } } }),
      "engagements/notes-3.json": json({ results: [] }),
    });
    const notes = source("hubspot", "engagements/notes-*.json", [
      "id",
      "properties.hs_timestamp",
      "properties.hs_note_body",
      "associations.contacts.results[].id",
    ]);
    const outcome = await readAll(notes, dir);
    expect(rows(outcome)).toEqual([
      {
        id: "1",
        "properties.hs_timestamp": "2024-03-05T14:00:00+05:30",
        "properties.hs_note_body": null,
        "associations.contacts.results[].id": ["6102"],
      },
      {
        id: "2",
        "properties.hs_timestamp": "2024-03-05T14:00:00+05:30",
        "properties.hs_note_body": null,
        "associations.contacts.results[].id": null,
      },
      {
        id: "3",
        "properties.hs_timestamp": "2024-03-05T14:00:00+05:30",
        "properties.hs_note_body": null,
        "associations.contacts.results[].id": ["6101", "6103"],
      },
    ]);
    expect(outcome.records.map((r) => `${r.location.file}:${r.location.row}`)).toEqual([
      "engagements/notes-1.json:1",
      "engagements/notes-1.json:2",
      "engagements/notes-2.json:1",
    ]);
    expect(outcome.warnings).toEqual([]);
  });

  it("reads OData pages chained by @odata.nextLink", async () => {
    const dir = writeExport({
      "accounts/page-1.json": json({
        "@odata.context": "ctx",
        value: [{ accountid: "a1" }],
        "@odata.nextLink": "https://x/accounts?$skiptoken=1",
      }),
      "accounts/page-2.json": json({ "@odata.context": "ctx", value: [{ accountid: "a2" }, { accountid: "a3" }] }),
    });
    const outcome = await readAll(source("odata", "accounts/page-*.json", ["accountid"]), dir);
    expect(rows(outcome).map((r) => r["accountid"])).toEqual(["a1", "a2", "a3"]);
    expect(outcome.warnings).toEqual([]);
  });

  it("reads Laravel pages in natural order: page-2 before page-10", async () => {
    const files: Record<string, string> = {};
    for (let page = 1; page <= 10; page++) {
      files[`contacts/page-${page}.json`] = json({
        data: [{ id: page * 100, companies: [page], tags: [{ id: 1, name: "vip" }] }],
        links: { next: page < 10 ? `https://crm/api/contacts?page=${page + 1}` : null },
        meta: { current_page: page, last_page: 10, per_page: 100 },
      });
    }
    const outcome = await readAll(
      source("laravel", "contacts/page-*.json", ["id", "companies", "tags[].name"]),
      writeExport(files),
    );
    expect(rows(outcome).map((r) => r["id"])).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    expect(rows(outcome)[0]).toEqual({ id: 100, companies: [1], "tags[].name": ["vip"] });
    expect(outcome.warnings).toEqual([]);
  });

  it("warns when the page chain has a gap or an end the export lacks", async () => {
    const dir = writeExport({
      "p/page-1.json": json({ results: [{ id: 1 }] }),
      "p/page-2.json": json({ results: [{ id: 2 }], paging: { next: { after: "3" } } }),
    });
    const outcome = await readAll(source("hubspot", "p/page-*.json", ["id"]), dir);
    expect(rows(outcome)).toEqual([{ id: 1 }, { id: 2 }]);
    expect(outcome.warnings.map((w) => w.message)).toEqual([
      "Page p/page-1.json links to no next page, yet p/page-2.json follows it: is it left over from another export?",
      "The last page p/page-2.json links to a next page that is not in the export: the export may be incomplete.",
    ]);
  });

  it("reads a single-file path of a paged format", async () => {
    const dir = writeExport({ "owners.json": json({ results: [{ id: "41101", email: "a@b.c" }] }) });
    expect(rows(await readAll(source("hubspot", "owners.json", ["id", "email"]), dir))).toEqual([
      { id: "41101", email: "a@b.c" },
    ]);
  });

  it("reports a `*` path that matches nothing with the pattern it tried", async () => {
    const dir = writeExport({ "engagements/calls-1.json": "[]" });
    const problems = await checkSourceHeader(source("hubspot", "engagements/notes-*.json", ["id"]), dir);
    expect(problems).toEqual([
      {
        severity: "error",
        code: "MR3003",
        message: `No file for \`Thing\`: no file matches ${dir}/engagements/notes-*.json.`,
        file: "engagements/notes-*.json",
      },
    ]);
  });
});
