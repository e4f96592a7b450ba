import { describe, expect, it } from "vitest";
import type { PlanLiteral } from "../../plan/types.js";
import {
  applyTransform,
  appliesPerElement,
  coerceColumn,
  coercionSettingsOf,
  describeFormatProblem,
  isValidTimeZone,
  transformSignatures,
  TransformError,
  valueTypeOfColumn,
  zonedTimeToUtc,
} from "../../runtime/transforms/index.js";
import * as runtime from "../../runtime/index.js";

interface Case {
  transform: string;
  value: unknown;
  args?: PlanLiteral[];
  named?: Record<string, PlanLiteral>;
}
type Good = Case & { expected: unknown };
type Bad = Case & { error: RegExp };

function run(c: Case): unknown {
  return applyTransform(c.transform, c.value, c.args ?? [], c.named ?? {});
}

function label(c: Case): string {
  const args = [
    ...(c.args ?? []).map((arg) => JSON.stringify(arg)),
    ...Object.entries(c.named ?? {}).map(([k, v]) => `${k}: ${JSON.stringify(v)}`),
  ];
  return `${JSON.stringify(c.value)} | ${[c.transform, ...args].join(" ")}`;
}

const good: Good[] = [
  // text
  { transform: "trim", value: "  Acme  ", expected: "Acme" },
  { transform: "trim", value: "   ", expected: null },
  { transform: "lower", value: "ÉCOLE Acme", expected: "école acme" },
  { transform: "upper", value: "straße", expected: "STRASSE" },
  { transform: "title", value: "jean-luc PICARD", expected: "Jean-Luc Picard" },
  { transform: "title", value: "émile zola", expected: "Émile Zola" },
  { transform: "title", value: "σωκράτης ο φιλόσοφος", expected: "Σωκράτης Ο Φιλόσοφος" },
  { transform: "collapse", value: "  a \t b\n\n c ", expected: "a b c" },
  { transform: "replace", value: "a-b-c", args: ["-", " / "], expected: "a / b / c" },
  { transform: "replace", value: "1.5 (x)", args: [".", ","], expected: "1,5 (x)" },
  { transform: "truncate", value: "abcdef", args: [3], expected: "abc" },
  { transform: "truncate", value: "😀😀😀", args: [2], expected: "😀😀" },
  // contact
  { transform: "email", value: "  Jane.Doe@Example.COM ", expected: "jane.doe@example.com" },
  { transform: "email", value: "not an email", named: { invalid: "empty" }, expected: null },
  { transform: "phone", value: "+44 (20) 7946-0958", expected: "+442079460958" },
  { transform: "phone", value: "020 7946 0958", named: { region: "+44" }, expected: "+442079460958" },
  { transform: "phone", value: "555.123.4567", expected: "5551234567" },
  { transform: "phone", value: 5551234567, expected: "5551234567" },
  { transform: "url", value: "Example.COM/Path?q=A", expected: "https://example.com/Path?q=A" },
  { transform: "url", value: "HTTP://WWW.Example.com", expected: "http://www.example.com" },
  { transform: "url", value: "see our brochure", named: { invalid: "empty" }, expected: null },
  { transform: "domain", value: "https://www.Example.com/about", expected: "example.com" },
  { transform: "domain", value: "www.acme.co.uk", expected: "acme.co.uk" },
  { transform: "domain", value: "Jane@Sub.Acme.COM", expected: "sub.acme.com" },
  { transform: "domain", value: "http://user:pw@acme.io:8080/x", expected: "acme.io" },
  {
    transform: "file",
    value: "media/1/a b.pdf",
    named: { under: "storage/app" },
    expected: { file: "storage/app/media/1/a b.pdf" },
  },
  // a company known only by its name: its dedupe key is the name itself
  { transform: "domain", value: " Sri Lakshmi Traders ", named: { invalid: "keep" }, expected: "Sri Lakshmi Traders" },
  { transform: "domain", value: "Sri Lakshmi Traders", named: { invalid: "empty" }, expected: null },
  // dates
  { transform: "date", value: "2024-02-29", expected: "2024-02-29" },
  { transform: "date", value: "2024-02-29T23:30:00-05:00", expected: "2024-02-29" },
  { transform: "date", value: "31-12-2024", args: ["DD-MM-YYYY"], expected: "2024-12-31" },
  { transform: "date", value: "1/2/2024", args: ["D/M/YYYY"], expected: "2024-02-01" },
  { transform: "date", value: "12/31/2024", args: ["MM/DD/YYYY"], expected: "2024-12-31" },
  { transform: "date", value: "20240115", args: ["YYYYMMDD"], expected: "2024-01-15" },
  // datetimes: default ISO and UTC; an offset in the value wins over tz
  { transform: "datetime", value: "2024-06-01T12:00:00Z", expected: "2024-06-01 12:00:00" },
  { transform: "datetime", value: "2024-06-01 12:00:00.123456Z", expected: "2024-06-01 12:00:00" },
  {
    transform: "datetime",
    value: "2024-06-01T12:00:00",
    named: { tz: "Europe/London" },
    expected: "2024-06-01 11:00:00",
  },
  {
    transform: "datetime",
    value: "2024-03-10T10:00:00+05:30",
    named: { tz: "America/New_York" },
    expected: "2024-03-10 04:30:00",
  },
  { transform: "datetime", value: "2024-06-01", expected: "2024-06-01 00:00:00" },
  // Asia/Kolkata is +05:30 all year
  {
    transform: "datetime",
    value: "15-01-2024 10:00",
    args: ["DD-MM-YYYY HH:mm"],
    named: { tz: "Asia/Kolkata" },
    expected: "2024-01-15 04:30:00",
  },
  {
    transform: "datetime",
    value: "01-01-2024 03:00",
    args: ["DD-MM-YYYY HH:mm"],
    named: { tz: "Asia/Kolkata" },
    expected: "2023-12-31 21:30:00",
  },
  // seconds where minutes were declared, and an ISO stamp with its own offset, are read rather than refused
  {
    transform: "datetime",
    value: "2024-01-15 10:00:30",
    args: ["YYYY-MM-DD HH:mm"],
    named: { tz: "Asia/Kolkata" },
    expected: "2024-01-15 04:30:30",
  },
  {
    transform: "datetime",
    value: "2024-01-15T10:00:00Z",
    args: ["YYYY-MM-DD HH:mm"],
    named: { tz: "Asia/Kolkata" },
    expected: "2024-01-15 10:00:00",
  },
  // Europe/London: clocks go forward 2024-03-31 01:00 GMT, back 2024-10-27 02:00 BST. 01:30 that morning
  // never was (refused below); 01:30 on the morning they go back is the first of the two, in BST.
  {
    transform: "datetime",
    value: "31/03/2024 00:30",
    args: ["DD/MM/YYYY HH:mm"],
    named: { tz: "Europe/London" },
    expected: "2024-03-31 00:30:00",
  },
  {
    transform: "datetime",
    value: "31/03/2024 02:30",
    args: ["DD/MM/YYYY HH:mm"],
    named: { tz: "Europe/London" },
    expected: "2024-03-31 01:30:00",
  },
  {
    transform: "datetime",
    value: "01/07/2024 12:00",
    args: ["DD/MM/YYYY HH:mm"],
    named: { tz: "Europe/London" },
    expected: "2024-07-01 11:00:00",
  },
  {
    transform: "datetime",
    value: "27/10/2024 01:30",
    args: ["DD/MM/YYYY HH:mm"],
    named: { tz: "Europe/London" },
    expected: "2024-10-27 00:30:00",
  },
  {
    transform: "datetime",
    value: "27/10/2024 02:30",
    args: ["DD/MM/YYYY HH:mm"],
    named: { tz: "Europe/London" },
    expected: "2024-10-27 02:30:00",
  },
  // America/New_York: forward 2024-03-10 02:00 EST (02:30 never was, refused below), back 2024-11-03 02:00 EDT
  {
    transform: "datetime",
    value: "2024-03-10 01:59:59",
    args: ["YYYY-MM-DD HH:mm:ss"],
    named: { tz: "America/New_York" },
    expected: "2024-03-10 06:59:59",
  },
  {
    transform: "datetime",
    value: "2024-03-10 03:00:00",
    args: ["YYYY-MM-DD HH:mm:ss"],
    named: { tz: "America/New_York" },
    expected: "2024-03-10 07:00:00",
  },
  {
    transform: "datetime",
    value: "2024-11-03 01:30:00",
    args: ["YYYY-MM-DD HH:mm:ss"],
    named: { tz: "America/New_York" },
    expected: "2024-11-03 05:30:00",
  },
  {
    transform: "datetime",
    value: "2024-11-03 12:00:00",
    args: ["YYYY-MM-DD HH:mm:ss"],
    named: { tz: "America/New_York" },
    expected: "2024-11-03 17:00:00",
  },
  {
    transform: "datetime",
    value: "2024-07-04T09:15:00",
    named: { tz: "America/New_York" },
    expected: "2024-07-04 13:15:00",
  },
  {
    transform: "datetime",
    value: "2024-01-02 03:04:05.678",
    args: ["YYYY-MM-DD HH:mm:ss.SSS"],
    expected: "2024-01-02 03:04:05",
  },
  // epochs
  { transform: "datetime", value: 1700000000000, args: ["epoch_ms"], expected: "2023-11-14 22:13:20" },
  { transform: "datetime", value: "1700000000", args: ["epoch_s"], expected: "2023-11-14 22:13:20" },
  // numbers
  { transform: "int", value: "42", expected: 42 },
  { transform: "int", value: "12.0", expected: 12 },
  { transform: "int", value: "-7", expected: -7 },
  { transform: "int", value: "1,234", named: { thousands: "," }, expected: 1234 },
  { transform: "int", value: 99, expected: 99 },
  { transform: "decimal", value: "3.14", expected: 3.14 },
  { transform: "decimal", value: "3,14", named: { decimal: "," }, expected: 3.14 },
  { transform: "decimal", value: "1.234.567,5", named: { decimal: ",", thousands: "." }, expected: 1234567.5 },
  { transform: "float", value: ".5", expected: 0.5 },
  { transform: "money", value: "$1,234.50", expected: 1234.5 },
  { transform: "money", value: "1 234,50 €", named: { decimal: "," }, expected: 1234.5 },
  { transform: "money", value: "1.234,50 EUR", named: { decimal: "," }, expected: 1234.5 },
  { transform: "money", value: "USD 99", expected: 99 },
  { transform: "money", value: "-£5.25", expected: -5.25 },
  { transform: "money", value: "1\u202f234,5 €", named: { decimal: "," }, expected: 1234.5 },
  { transform: "percent", value: "20%", expected: 20 },
  { transform: "percent", value: "12.5 %", expected: 12.5 },
  { transform: "percent", value: "0.2", expected: 0.2 },
  { transform: "bool", value: "Yes", expected: true },
  { transform: "bool", value: "x", expected: true },
  { transform: "bool", value: "CHECKED", expected: true },
  { transform: "bool", value: "0", expected: false },
  { transform: "bool", value: "Unchecked", expected: false },
  { transform: "bool", value: true, expected: true },
  { transform: "bool", value: "won", args: ["Won", "Closed Won"], expected: true },
  { transform: "bool", value: "lost", args: ["Won", "Closed Won"], expected: false },
  { transform: "multiply", value: 0.1, args: [3], expected: 0.3 },
  { transform: "multiply", value: "12", args: [100], expected: 1200 },
  { transform: "divide", value: 1234.5, args: [1000], expected: 1.2345 },
  { transform: "round", value: 1.005, args: [2], expected: 1.01 },
  { transform: "round", value: -2.5, expected: -3 },
  { transform: "round", value: 2.5, expected: 3 },
  // lists
  { transform: "split", value: "a; b;;c ", args: [";"], expected: ["a", "b", "c"] },
  { transform: "first", value: ["", null, "b", "c"], expected: "b" },
  { transform: "first", value: "solo", expected: "solo" },
  { transform: "first", value: [], expected: null },
  { transform: "last", value: ["a", "b", ""], expected: "b" },
  { transform: "nth", value: ["a", "b", "c"], args: [2], expected: "b" },
  { transform: "nth", value: ["a"], args: [5], expected: null },
  { transform: "unique", value: ["a", "b", "a", 12, "12", null], expected: ["a", "b", 12] },
  { transform: "join", value: ["a", "", null, "b"], expected: "a b" },
  { transform: "join", value: ["a", "b"], args: [", "], expected: "a, b" },
  { transform: "join", value: [null, ""], expected: null },
  { transform: "format", value: ["Jane", "Doe"], args: ["{1} {2}"], expected: "Jane Doe" },
  { transform: "format", value: ["Jane", null], args: ["{1} {2}"], expected: "Jane" },
  { transform: "format", value: [null, "Doe"], args: ["Mr {1}  {2}"], expected: "Mr Doe" },
  { transform: "format", value: "Acme", args: ["Opportunity: {1}"], expected: "Opportunity: Acme" },
  // default
  { transform: "default", value: null, args: ["n/a"], expected: "n/a" },
  { transform: "default", value: "", args: [0], expected: 0 },
  { transform: "default", value: [], args: ["none"], expected: "none" },
  { transform: "default", value: "x", args: ["n/a"], expected: "x" },
  // html and text
  {
    transform: "html",
    value: 'a < b & c\nnext\n\nnew "para"',
    expected: "<p>a &lt; b &amp; c<br>next</p><p>new &quot;para&quot;</p>",
  },
  {
    transform: "text",
    value: "<p>Hello&nbsp;<b>World</b></p><p>a &amp; b<br/>c</p><ul><li>one</li><li>two</li></ul>",
    expected: "Hello World\n\na & b\nc\n\none\ntwo",
  },
  { transform: "text", value: "<div>caf&#233; &#x263A;</div><script>alert(1)</script>", expected: "café ☺" },
  { transform: "text", value: "plain\ntext", expected: "plain\ntext" },
  // files
  { transform: "base64", value: "aGVsbG8=", expected: { base64: "aGVsbG8=" } },
  { transform: "base64", value: "data:text/plain;base64,aGVs\nbG8=", expected: { base64: "aGVsbG8=" } },
  { transform: "file", value: "files\\2024\\report.pdf", expected: { file: "files/2024/report.pdf" } },
  { transform: "file", value: "./files/old/../report.pdf", expected: { file: "files/report.pdf" } },
];

const bad: Bad[] = [
  { transform: "email", value: "jane@", error: /"jane@" is not an e-mail address/ },
  { transform: "email", value: "jane@localhost", error: /not an e-mail address/ },
  { transform: "email", value: "a b@c.com", error: /not an e-mail address/ },
  { transform: "phone", value: "12-34", error: /fewer than 5 digits/ },
  { transform: "phone", value: "call me", error: /"call me" is not a phone number/ },
  { transform: "url", value: "http://", error: /not a URL/ },
  { transform: "domain", value: "localhost", error: /has no domain/ },
  // Concord's disk_path is relative to storage/app, and must stay in it
  { transform: "file", value: "../.env", named: { under: "storage/app" }, error: /leaves the folder storage\/app/ },
  {
    transform: "date",
    value: "31-02-2024",
    args: ["DD-MM-YYYY"],
    error: /^"31-02-2024" is not a real date: February 2024 has 29 days, not 31$/,
  },
  { transform: "date", value: "31.01.2024", args: ["DD-MM-YYYY"], error: /^"31.01.2024" is not a date in DD-MM-YYYY$/ },
  { transform: "date", value: "2023-02-29", error: /is not a real date: February 2023 has 28 days, not 29/ },
  { transform: "date", value: "2024/01/01", error: /is not a date/ },
  {
    transform: "datetime",
    value: "2024-13-01 10:00",
    args: ["YYYY-MM-DD HH:mm"],
    error: /is not a real date and time: there is no month 13/,
  },
  {
    transform: "datetime",
    value: "2024-01-01 24:00",
    args: ["YYYY-MM-DD HH:mm"],
    error: /is not a real date and time: there is no hour 24/,
  },
  // the hour the clocks skipped is refused, not shifted by the hour they jumped
  {
    transform: "datetime",
    value: "31/03/2024 01:30",
    args: ["DD/MM/YYYY HH:mm"],
    named: { tz: "Europe/London" },
    error: /^"31\/03\/2024 01:30" did not exist in Europe\/London: the clocks went forward from 01:00 to 02:00$/,
  },
  {
    transform: "datetime",
    value: "2024-03-10 02:30:00",
    args: ["YYYY-MM-DD HH:mm:ss"],
    named: { tz: "America/New_York" },
    error: /^"2024-03-10 02:30:00" did not exist in America\/New_York: the clocks went forward from 02:00 to 03:00$/,
  },
  { transform: "datetime", value: "yesterday", error: /is not a date and time in ISO 8601/ },
  { transform: "datetime", value: "17e11", args: ["epoch_ms"], error: /epoch milliseconds/ },
  {
    transform: "datetime",
    value: "2024-01-01",
    named: { tz: "Mars/Olympus" },
    error: /unknown time zone "Mars\/Olympus"/,
  },
  { transform: "int", value: "12.5", error: /"12.5" is not a whole number/ },
  { transform: "int", value: "twelve", error: /is not a number/ },
  { transform: "int", value: "1,234", error: /is not a number/ },
  { transform: "decimal", value: "1.2.3", error: /is not a number/ },
  { transform: "decimal", value: "12,5", named: { thousands: "," }, error: /is not a number/ },
  { transform: "money", value: "1,5", error: /"1,5" is not an amount/ },
  { transform: "money", value: "about 12", error: /is not an amount/ },
  { transform: "percent", value: "high", error: /is not a percentage/ },
  { transform: "bool", value: "maybe", error: /"maybe" is not a yes\/no value/ },
  { transform: "multiply", value: "abc", args: [2], error: /is not a number/ },
  { transform: "divide", value: 5, args: [0], error: /divide by zero/ },
  { transform: "lower", value: { a: 1 }, error: /is not text/ },
  { transform: "base64", value: "abc", error: /is not base64 content/ },
  { transform: "base64", value: "ab$=", error: /is not base64 content/ },
  { transform: "file", value: "/etc/passwd", error: /absolute path/ },
  { transform: "file", value: "C:\\exports\\a.pdf", error: /absolute path/ },
  { transform: "file", value: "files/../../secret", error: /leaves the export folder/ },
  { transform: "file", value: "../secret", error: /leaves the export folder/ },
];

describe("transforms: good values", () => {
  it.each(good.map((c) => [label(c), c] as const))("%s", (_label, c) => {
    expect(run(c)).toEqual(c.expected);
  });
});

describe("transforms: bad values throw TransformError", () => {
  it.each(bad.map((c) => [label(c), c] as const))("%s", (_label, c) => {
    let thrown: unknown;
    try {
      run(c);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TransformError);
    expect((thrown as Error).message).toMatch(c.error);
  });
});

describe("transforms: empty values", () => {
  const minimalArgs: Record<string, PlanLiteral[]> = {
    replace: ["a", "b"],
    truncate: [3],
    multiply: [2],
    divide: [2],
    split: [";"],
    nth: [1],
    format: ["{1}"],
    default: ["fallback"],
  };
  const names = Object.keys(transformSignatures).filter((name) => name !== "default");
  it.each(names)('%s passes null, undefined and "" through as null', (name) => {
    for (const empty of [null, undefined, ""]) {
      expect(applyTransform(name, empty, minimalArgs[name] ?? [], {})).toBeNull();
    }
  });
  it("default replaces them", () => {
    for (const empty of [null, undefined, "", "  "])
      expect(applyTransform("default", empty, ["fallback"], {})).toBe("fallback");
  });
});

describe("transforms: lists", () => {
  it("applies text transforms element-wise, so split | trim | upper works per part", () => {
    const parts = applyTransform("split", "a ;b", [";"], {});
    expect(applyTransform("upper", parts, [], {})).toEqual(["A", "B"]);
  });
  it("keeps positions of a tuple of columns, so format still finds {2}", () => {
    const trimmed = applyTransform("trim", ["  ", " Doe "], [], {});
    expect(trimmed).toEqual([null, "Doe"]);
    expect(applyTransform("format", trimmed, ["{2}, {1}"], {})).toBe("Doe,");
  });
  it("follows the one rule in the signature table", () => {
    expect(appliesPerElement(transformSignatures.trim)).toBe(true);
    expect(appliesPerElement(transformSignatures.join)).toBe(false);
    expect(appliesPerElement(transformSignatures.default)).toBe(false);
  });
});

describe("transforms: the signature table", () => {
  it("has a summary, input and output for every transform, and an implementation exported by name", () => {
    for (const [name, signature] of Object.entries(transformSignatures)) {
      expect(signature.summary.length, name).toBeGreaterThan(10);
      expect(signature.input.length, name).toBeGreaterThan(0);
      const exportName = name === "default" ? "defaultTo" : name;
      expect(typeof (runtime as Record<string, unknown>)[exportName], name).toBe("function");
    }
  });
  it("rejects a broken plan step with a plain Error, not a TransformError", () => {
    expect(() => applyTransform("nope", "x", [], {})).toThrow(/unknown transform/);
    expect(() => applyTransform("truncate", "x", ["ten"], {})).toThrow(/length cannot be "ten"/);
    expect(() => applyTransform("email", "a@b.co", [], { invalid: "sometimes" })).toThrow(/invalid cannot be/);
    expect(() => applyTransform("split", "x", [], {})).toThrow(/needs its separator/);
  });
});

describe("time zones and formats", () => {
  it("knows IANA zones", () => {
    expect(isValidTimeZone("Asia/Kolkata")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Europe/Londn")).toBe(false);
  });
  it("converts wall time to UTC", () => {
    const wall = { year: 2024, month: 7, day: 1, hour: 9, minute: 0, second: 0, millisecond: 0 };
    expect(zonedTimeToUtc(wall, "America/New_York")).toEqual({ instant: new Date("2024-07-01T13:00:00.000Z") });
    expect(zonedTimeToUtc({ ...wall, year: 24 }, "UTC")).toEqual({ instant: new Date("0024-07-01T09:00:00.000Z") });
  });
  it("returns the jump of the clocks for a wall time they skipped", () => {
    const wall = { year: 2024, month: 3, day: 31, hour: 1, minute: 30, second: 0, millisecond: 0 };
    const jump = (hour: number) => ({ ...wall, hour, minute: 0 });
    expect(zonedTimeToUtc(wall, "Europe/London")).toEqual({ skipped: { from: jump(1), to: jump(2) } });
    expect(zonedTimeToUtc({ ...wall, hour: 2 }, "Europe/Berlin")).toEqual({ skipped: { from: jump(2), to: jump(3) } });
    expect(zonedTimeToUtc({ ...wall, hour: 2 }, "Europe/London")).toEqual({
      instant: new Date("2024-03-31T01:30:00.000Z"),
    });
  });
  it("describes bad formats for the compiler", () => {
    expect(describeFormatProblem("DD-MM-YYYY", "date")).toBeUndefined();
    expect(describeFormatProblem("DD-MM-YYYY HH:mm", "datetime")).toBeUndefined();
    expect(describeFormatProblem("DD-MM", "date")).toMatch(/no year/);
    expect(describeFormatProblem("DD-MM-YYYY HH:MM", "datetime")).toMatch(/month twice/);
    expect(describeFormatProblem("YYYY-MM-DD HH:mm", "date")).toMatch(/use datetime/);
  });
});

describe("coerceColumn", () => {
  const settings = coercionSettingsOf({
    dateFormat: "DD-MM-YYYY",
    timezone: "Asia/Kolkata",
    datetimeFormat: "DD-MM-YYYY HH:mm",
    null: "NULL",
    thousands: ",",
  });
  const cases: Array<[unknown, Parameters<typeof coerceColumn>[1], unknown]> = [
    ["  42 ", "id", "42"],
    [42, "id", "42"],
    ["", "text", null],
    ["NULL", "text", null],
    ["  Jane@Example.com ", "email", "Jane@Example.com"],
    ["<p>x</p> ", "html", "<p>x</p> "],
    ["1,234", "integer", 1234],
    ["$1,234.50", "money", 1234.5],
    ["2.5", "decimal", 2.5],
    ["yes", "boolean", true],
    [false, "boolean", false],
    ["31-12-2024", "date", "2024-12-31"],
    ["15-01-2024 10:00", "datetime", "2024-01-15 04:30:00"],
    ["a; b", "list", ["a", "b"]],
    [["x", 1], "list", ["x", 1]],
    ['{"a":1}', "json", { a: 1 }],
    [{ a: 1 }, "json", { a: 1 }],
    [" files/a.pdf ", "file", "files/a.pdf"],
  ];
  it.each(cases)("%j as %s → %j", (raw, type, expected) => {
    expect(coerceColumn(raw, type, settings)).toEqual(expected);
  });
  it("uses list separators and true values from the settings", () => {
    const custom = coercionSettingsOf({ listSeparator: ",", trueValues: ["Active", "On"] });
    expect(coerceColumn("a,b", "list", custom)).toEqual(["a", "b"]);
    expect(coerceColumn("active", "boolean", custom)).toBe(true);
    expect(coerceColumn("retired", "boolean", custom)).toBe(false);
  });
  it("rejects cells that do not fit their type", () => {
    expect(() => coerceColumn("31-02-2024", "date", settings)).toThrow(
      '"31-02-2024" is not a real date: February 2024 has 29 days, not 31',
    );
    expect(() => coerceColumn("{oops", "json", settings)).toThrow(TransformError);
    // The integer setting has no thousands mark by default, so grouped digits are rejected, not guessed.
    expect(() => coerceColumn("1,234", "integer", {})).toThrow(TransformError);
  });
  it("gives each column type a value type", () => {
    expect(valueTypeOfColumn("money")).toBe("decimal");
    expect(valueTypeOfColumn("email")).toBe("text");
    expect(valueTypeOfColumn("json")).toBe("any");
    expect(valueTypeOfColumn("list")).toBe("list");
  });
});
