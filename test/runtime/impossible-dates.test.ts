// Impossible calendar dates and clock times are refused in every shape a source may write them, and the
// refusal says so. A JavaScript Date would roll 2023-02-31 over into 2023-03-03: a migration must never
// stage a value the export did not hold.
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { transformRecord } from "../../runtime/execute/index.js";
import { coerceColumn, coercionSettingsOf, date, datetime, TransformError } from "../../runtime/transforms/index.js";

/** One input shape: how a date is written in it, and the call that reads it. */
interface Shape {
  name: string;
  /** the value for year, month, day, hour, minute, second as written in this shape */
  write: (y: string, mo: string, d: string, h: string, mi: string, s: string) => string;
  read: (value: string) => unknown;
  kind: "date" | "date and time";
}

const shapes: Shape[] = [
  { name: "ISO date", write: (y, mo, d) => `${y}-${mo}-${d}`, read: (v) => date(v), kind: "date" },
  {
    name: "dateFormat DD/MM/YYYY",
    write: (y, mo, d) => `${d}/${mo}/${y}`,
    read: (v) => date(v, "DD/MM/YYYY"),
    kind: "date",
  },
  {
    name: "dateFormat D.M.YYYY",
    write: (y, mo, d) => `${Number(d)}.${Number(mo)}.${y}`,
    read: (v) => date(v, "D.M.YYYY"),
    kind: "date",
  },
  {
    name: "datetimeFormat DD/MM/YYYY HH:mm:ss",
    write: (y, mo, d, h, mi, s) => `${d}/${mo}/${y} ${h}:${mi}:${s}`,
    read: (v) => datetime(v, "DD/MM/YYYY HH:mm:ss", { tz: "Europe/Berlin" }),
    kind: "date and time",
  },
  {
    // a time with seconds where the spec declared minutes is read leniently; it must still be real
    name: "datetimeFormat YYYY-MM-DD HH:mm given seconds",
    write: (y, mo, d, h, mi, s) => `${y}-${mo}-${d} ${h}:${mi}:${s}`,
    read: (v) => datetime(v, "YYYY-MM-DD HH:mm"),
    kind: "date and time",
  },
  {
    name: "ISO wall time",
    write: (y, mo, d, h, mi, s) => `${y}-${mo}-${d} ${h}:${mi}:${s}`,
    read: (v) => datetime(v),
    kind: "date and time",
  },
  {
    name: "ISO stamp Z",
    write: (y, mo, d, h, mi, s) => `${y}-${mo}-${d}T${h}:${mi}:${s}Z`,
    read: (v) => datetime(v),
    kind: "date and time",
  },
  {
    name: "ISO stamp with offset",
    write: (y, mo, d, h, mi, s) => `${y}-${mo}-${d}T${h}:${mi}:${s}.250+05:30`,
    read: (v) => datetime(v, undefined, { tz: "America/New_York" }),
    kind: "date and time",
  },
  {
    // an ISO stamp in a column of formatted wall times is read for its own offset
    name: "ISO stamp in a DD/MM/YYYY HH:mm column",
    write: (y, mo, d, h, mi, s) => `${y}-${mo}-${d}T${h}:${mi}:${s}-08:00`,
    read: (v) => datetime(v, "DD/MM/YYYY HH:mm"),
    kind: "date and time",
  },
];

type Fields = [y: string, mo: string, d: string, h: string, mi: string, s: string];

const impossibleDates: Array<[string, Fields, string]> = [
  ["February 30", ["2024", "02", "30", "10", "00", "00"], "February 2024 has 29 days, not 30"],
  ["February 31", ["2023", "02", "31", "10", "00", "00"], "February 2023 has 28 days, not 31"],
  ["February 29 in a non-leap year", ["2023", "02", "29", "10", "00", "00"], "February 2023 has 28 days, not 29"],
  [
    "February 29 in 1900 (divisible by 100)",
    ["1900", "02", "29", "10", "00", "00"],
    "February 1900 has 28 days, not 29",
  ],
  ["April 31", ["2024", "04", "31", "10", "00", "00"], "April has 30 days, not 31"],
  ["month 13", ["2024", "13", "01", "10", "00", "00"], "there is no month 13"],
  ["month 0", ["2024", "00", "10", "10", "00", "00"], "there is no month 0"],
  ["day 0", ["2024", "01", "00", "10", "00", "00"], "there is no day 0"],
  ["year 0", ["0000", "01", "01", "10", "00", "00"], "year 0 is outside 0001–9999"],
];

const impossibleTimes: Array<[string, Fields, string]> = [
  ["hour 24", ["2024", "01", "15", "24", "00", "00"], "there is no hour 24"],
  ["hour 25", ["2024", "01", "15", "25", "00", "00"], "there is no hour 25"],
  ["minute 60", ["2024", "01", "15", "10", "60", "00"], "there is no minute 60"],
  ["second 60", ["2024", "01", "15", "23", "59", "60"], "there is no second 60"],
  ["second 61", ["2024", "01", "15", "10", "00", "61"], "there is no second 61"],
];

/** The message a refused value must carry: the value itself, that it is not real, and why. */
function refusal(value: string, kind: Shape["kind"], why: string): string {
  return `${JSON.stringify(value)} is not a real ${kind}: ${why}`;
}

function thrown(read: () => unknown): TransformError {
  try {
    const value = read();
    throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (!(error instanceof TransformError)) throw error;
    return error;
  }
}

describe("impossible calendar dates are refused in every shape, never rolled over", () => {
  for (const shape of shapes) {
    it.each(impossibleDates)(`${shape.name}: %s`, (_name, fields, why) => {
      const value = shape.write(...fields);
      expect(thrown(() => shape.read(value)).message).toContain(refusal(value, shape.kind, why));
    });
  }
});

describe("impossible times of day are refused in every shape with a time", () => {
  for (const shape of shapes.filter((s) => s.kind === "date and time")) {
    it.each(impossibleTimes)(`${shape.name}: %s`, (_name, fields, why) => {
      const value = shape.write(...fields);
      expect(thrown(() => shape.read(value)).message).toContain(refusal(value, shape.kind, why));
    });
  }

  it("refuses a time in an ISO value read as a date", () => {
    expect(thrown(() => date("2024-01-15T24:00")).message).toBe(
      '"2024-01-15T24:00" is not a real date: there is no hour 24 (hours run 00–23)',
    );
  });
});

describe("impossible UTC offsets are refused", () => {
  it.each([
    ["2024-01-15T10:00:00+25:00", "+25:00"],
    ["2024-01-15T10:00:00+05:60", "+05:60"],
    ["2024-01-15T10:00:00-2400", "-2400"],
  ])("%s", (value, offset) => {
    expect(thrown(() => datetime(value)).message).toBe(
      `${JSON.stringify(value)} is not a real date and time: there is no UTC offset ${offset}`,
    );
  });

  it("refuses a real moment that falls outside the years Odoo stores once in UTC", () => {
    expect(thrown(() => datetime("0001-01-01T00:30:00+01:00")).message).toBe(
      '"0001-01-01T00:30:00+01:00" falls outside the years 0001–9999 in UTC',
    );
  });
});

describe("the real edges are read exactly", () => {
  it.each([
    ["Feb 29 in a leap year", () => date("2024-02-29"), "2024-02-29"],
    ["Feb 29 in 2000 (divisible by 400)", () => date("29/02/2000", "DD/MM/YYYY"), "2000-02-29"],
    ["April 30", () => date("30.4.2024", "D.M.YYYY"), "2024-04-30"],
    ["December 31", () => date("2024-12-31"), "2024-12-31"],
    ["23:59:59", () => datetime("2024-02-29 23:59:59"), "2024-02-29 23:59:59"],
    ["23:59:59.999 keeps its second", () => datetime("2024-12-31T23:59:59.999Z"), "2024-12-31 23:59:59"],
    ["00:00", () => datetime("01/03/2024 00:00", "DD/MM/YYYY HH:mm"), "2024-03-01 00:00:00"],
    ["00:00 with an offset, into the day before", () => datetime("2024-03-01T00:00:00+01:00"), "2024-02-29 23:00:00"],
    [
      "23:59:59 in a zone, into the next day",
      () => datetime("29/02/2024 23:59:59", "DD/MM/YYYY HH:mm:ss", { tz: "America/New_York" }),
      "2024-03-01 04:59:59",
    ],
    ["offset +14:00", () => datetime("2024-01-01T00:00:00+14:00"), "2023-12-31 10:00:00"],
    ["offset -23:59", () => datetime("2024-01-01T00:00:00-23:59"), "2024-01-01 23:59:00"],
    ["epoch seconds", () => datetime("1709251199", "epoch_s"), "2024-02-29 23:59:59"],
  ])("%s", (_name, read, expected) => {
    expect(read()).toBe(expected);
  });
});

describe("a refused cell rejects its record, naming the column", () => {
  const settings = coercionSettingsOf({ dateFormat: "DD/MM/YYYY", datetimeFormat: "DD/MM/YYYY HH:mm" });

  it("refuses the cell of a declared date or datetime column", () => {
    expect(() => coerceColumn("31/04/2024", "date", settings)).toThrow(
      '"31/04/2024" is not a real date: April has 30 days, not 31',
    );
    expect(() => coerceColumn("01/04/2024 24:00", "datetime", settings)).toThrow(
      '"01/04/2024 24:00" is not a real date and time: there is no hour 24 (hours run 00–23)',
    );
  });

  const spec = `mapping t -> odoo 17.0
source Deal from csv "deals.csv" {
  key "id"
  dateFormat "DD/MM/YYYY"
  datetimeFormat "DD/MM/YYYY HH:mm"
  columns { "id": id  "name": text  "Close Date": date  "Created": datetime  "Due": text }
}
map Deal -> crm.lead {
  name <- "name" required
  date_deadline <- "Close Date"
  x_created <- "Created"
  x_due <- "Due" | date "YYYY-MM-DD"
}
`;
  const plan = compileSpec(spec, "dates.mapspec").plan;
  const row = { id: "1", name: "Deal", "Close Date": "29/02/2024", Created: "29/02/2024 23:59", Due: "2024-02-29" };

  it.each([
    [
      "Close Date",
      "31/02/2023",
      "date_deadline",
      'column "Close Date": "31/02/2023" is not a real date: February 2023 has 28 days, not 31',
    ],
    [
      "Close Date",
      "00/01/2024",
      "date_deadline",
      'column "Close Date": "00/01/2024" is not a real date: there is no day 0',
    ],
    [
      "Created",
      "01/04/2024 24:00",
      "x_created",
      'column "Created": "01/04/2024 24:00" is not a real date and time: there is no hour 24 (hours run 00–23)',
    ],
    // a `| date` step on a text column: the executor names the field (rejects.csv's field column), not the column
    ["Due", "2023-04-31", "x_due", '"2023-04-31" is not a real date: April has 30 days, not 31'],
  ])("%s %j", (column, value, field, reason) => {
    expect(transformRecord(plan, "Deal", { ...row, [column]: value }, {})).toEqual({
      status: "rejected",
      reason,
      mapping: "Deal",
      field,
    });
  });

  it("stages the real edges as written", () => {
    expect(transformRecord(plan, "Deal", row, {})).toMatchObject({
      status: "staged",
      records: [{ values: { date_deadline: "2024-02-29", x_created: "2024-02-29 23:59:00", x_due: "2024-02-29" } }],
    });
  });
});

// Sage CRM writes Europe/London wall times (`2024-03-31 01:30:00.000`). British Summer Time starts at 01:00
// GMT, when the clocks go to 02:00: 01:00–01:59 that morning never was. It ends at 02:00 BST, when they go
// back to 01:00: 01:00–01:59 happens twice, and the first (BST) is read.
describe("the hours the clocks skip and repeat", () => {
  const london = (value: string) => datetime(value, "YYYY-MM-DD HH:mm:ss.SSS", { tz: "Europe/London" });

  it.each([
    ["2024-03-31 01:00:00.000", "2024-03-31"],
    ["2024-03-31 01:30:00.000", "2024-03-31"],
    ["2024-03-31 01:59:59.999", "2024-03-31"],
    ["2023-03-26 01:30:00.000", "2023-03-26"],
  ])("refuses %s, which never was in London", (value) => {
    expect(thrown(() => london(value)).message).toBe(
      `${JSON.stringify(value)} did not exist in Europe/London: the clocks went forward from 01:00 to 02:00`,
    );
  });

  it("refuses it in an ISO value without an offset, but reads one with its own offset", () => {
    expect(thrown(() => datetime("2024-03-31T01:30", undefined, { tz: "Europe/London" })).message).toBe(
      '"2024-03-31T01:30" did not exist in Europe/London: the clocks went forward from 01:00 to 02:00',
    );
    expect(datetime("2024-03-31T01:30:00+00:00", undefined, { tz: "Europe/London" })).toBe("2024-03-31 01:30:00");
  });

  it.each([
    ["the minute before the clocks go forward", "2024-03-31 00:59:59.000", "2024-03-31 00:59:59"],
    ["the minute they go forward to", "2024-03-31 02:00:00.000", "2024-03-31 01:00:00"],
    ["02:30 on the morning summer time starts", "2024-03-31 02:30:00.000", "2024-03-31 01:30:00"],
    ["the repeated 01:30 is the first, in BST", "2023-10-29 01:30:00.000", "2023-10-29 00:30:00"],
    ["the repeated hour's first minute is in BST", "2023-10-29 01:00:00.000", "2023-10-29 00:00:00"],
    ["02:00 after the repeated hour is GMT", "2023-10-29 02:00:00.000", "2023-10-29 02:00:00"],
  ])("reads %s", (_name, value, expected) => {
    expect(london(value)).toBe(expected);
  });

  const spec = `mapping t -> odoo 17.0
source Communication from csv "Communication.csv" {
  key "Comm_CommunicationId"
  timezone "Europe/London"
  datetimeFormat "YYYY-MM-DD HH:mm:ss.SSS"
  columns { "Comm_CommunicationId": id  "Comm_Subject": text  "Comm_DateTime": datetime }
}
map Communication -> mail.activity {
  summary <- "Comm_Subject" required
  x_when <- "Comm_DateTime"
}
`;
  const plan = compileSpec(spec, "sage-times.mapspec").plan;
  const row = (when: string) => ({ Comm_CommunicationId: "15", Comm_Subject: "Call", Comm_DateTime: when });

  it("rejects the record of a skipped time, naming the column, and stages the repeated hour", () => {
    expect(transformRecord(plan, "Communication", row("2024-03-31 01:30:00.000"), {})).toMatchObject({
      status: "rejected",
      reason:
        'column "Comm_DateTime": "2024-03-31 01:30:00.000" did not exist in Europe/London: the clocks went forward from 01:00 to 02:00',
    });
    expect(transformRecord(plan, "Communication", row("2023-10-29 01:30:00.000"), {})).toMatchObject({
      status: "staged",
      records: [{ values: { x_when: "2023-10-29 00:30:00" } }],
    });
  });
});
