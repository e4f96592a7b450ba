import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { HELP, parseSmartDeskArgs } from "../../examples/generators/smartdesk-cli.js";
import { SMARTDESK_VARIANTS, generateSmartDeskExport } from "../../examples/generators/smartdesk.js";
import { csvReader, eachVariantThenAll, readJsonFiles, sampleDir, variantContract } from "../support/sample-export.js";

const SAMPLE = sampleDir("smartdesk");
const OBJECTS = ["companies", "contacts", "leads", "deals", "tickets"] as const;
const ENGAGEMENTS = ["calls", "emails", "meetings", "notes", "tasks"] as const;

interface Property {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  hubspotDefined: boolean;
  options?: { label: string; value: string }[];
}

interface Engagement {
  id: string;
  createdAt: string;
  properties: Record<string, string>;
}

interface EngagementPage {
  results: Engagement[];
  paging?: { next: { after: string; link: string } };
}

const { readCsv, headerOf } = csvReader();

async function readProperties(dir: string): Promise<Record<string, Property[]>> {
  return JSON.parse(await readFile(join(dir, "properties.json"), "utf8")) as Record<string, Property[]>;
}

/** An engagement object's pages, in page order, whatever the export named them. */
async function readPages(dir: string, object: string): Promise<{ names: string[]; pages: EngagementPage[] }> {
  const names = (await readdir(join(dir, "engagements"))).filter((n) => n.startsWith(object));
  names.sort((a, b) => Number(/(\d+)\.json$/.exec(a)![1]) - Number(/(\d+)\.json$/.exec(b)![1]));
  return { names, pages: await readJsonFiles<EngagementPage>(join(dir, "engagements"), names) };
}

const DATETIME = /^\d{4}-\d\d-\d\d \d\d:\d\d$/;
const DATETIME_WITH_SECONDS = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/;
const DATE = /^\d{4}-\d\d-\d\d$/;

describe("SmartDesk export variants", () => {
  const generated = variantContract({
    source: "smartdesk",
    generate: generateSmartDeskExport,
    variants: SMARTDESK_VARIANTS,
    cli: { help: HELP, parse: parseSmartDeskArgs },
  });

  it("keeps the records: every CSV has the sample's ids in the sample's order", async () => {
    for (const variants of eachVariantThenAll(SMARTDESK_VARIANTS)) {
      const dir = await generated(variants);
      const properties = await readProperties(dir);
      for (const object of OBJECTS) {
        const idLabel = properties[object]!.find((p) => p.name === "hs_object_id")!.label;
        const ids = (await readCsv(dir, `${object}.csv`)).map((r) => r[idLabel]);
        const sampleIds = (await readCsv(SAMPLE, `${object}.csv`)).map(
          (r) => r[object === "tickets" ? "Ticket ID" : "Record ID"],
        );
        expect(ids, `${variants.join(",")} ${object}`).toEqual(sampleIds);
      }
    }
  });

  it("legacy-labels: ids labelled by object, owners HubSpot Owner, association columns (Primary)", async () => {
    const dir = await generated(["legacy-labels"]);
    const properties = await readProperties(dir);
    const idLabels = {
      companies: "Company ID",
      contacts: "Contact ID",
      leads: "Lead ID",
      deals: "Deal ID",
      tickets: "Ticket ID",
    };
    for (const object of OBJECTS) {
      const header = await headerOf(dir, `${object}.csv`);
      expect(header[0], object).toBe(idLabels[object]);
      expect(header, object).not.toContain("Record ID");
      expect(header, object).not.toContain("Associated Company IDs");
      expect(header, object).not.toContain("Associated Contact IDs");
      expect(header, object).toEqual(properties[object]!.map((p) => p.label));
      expect(properties[object]!.find((p) => p.name === "hs_object_id")!.label, object).toBe(idLabels[object]);
    }
    expect(await headerOf(dir, "contacts.csv")).toContain("Associated Company IDs (Primary)");
    for (const object of ["leads", "deals", "tickets"]) {
      const header = await headerOf(dir, `${object}.csv`);
      expect(header, object).toContain("Associated Company IDs (Primary)");
      expect(header, object).toContain("Associated Contact IDs (Primary)");
    }
    for (const object of ["companies", "contacts", "deals"])
      expect(await headerOf(dir, `${object}.csv`), object).toContain("HubSpot Owner");
    const deals = await readCsv(dir, "deals.csv");
    const sample = await readCsv(SAMPLE, "deals.csv");
    expect(deals.map((d) => d["Associated Contact IDs (Primary)"])).toEqual(
      sample.map((d) => d["Associated Contact IDs"]),
    );
  });

  it("unselected: columns beyond the essentials are absent, the essentials stay", async () => {
    const dir = await generated(["unselected"]);
    const absent: Record<string, string[]> = {
      companies: ["Annual Revenue", "Phone Number"],
      contacts: ["Mobile Phone Number", "Job Title", "Street Address", "City"],
      leads: ["Lead owner"],
      deals: ["Deal Type", "Deal Probability", "Associated Company IDs"],
      tickets: ["Priority", "Associated Company IDs"],
    };
    const kept: Record<string, string[]> = {
      companies: ["Record ID", "Company name", "Create Date"],
      contacts: ["Record ID", "First Name", "Last Name", "Email", "Create Date", "Associated Company IDs"],
      leads: ["Record ID", "Lead Name", "Create Date", "Associated Contact IDs", "Associated Company IDs"],
      deals: [
        "Record ID",
        "Deal Name",
        "Deal Stage",
        "Pipeline",
        "Amount",
        "Close Date",
        "Create Date",
        "Associated Contact IDs",
      ],
      tickets: ["Ticket ID", "Ticket name", "Pipeline", "Create date", "Associated Contact IDs"],
    };
    const properties = await readProperties(dir);
    for (const object of OBJECTS) {
      const header = await headerOf(dir, `${object}.csv`);
      for (const label of absent[object]!) expect(header, `${object}: ${label}`).not.toContain(label);
      for (const label of kept[object]!) expect(header, `${object}: ${label}`).toContain(label);
      expect(header.length, object).toBe((await headerOf(SAMPLE, `${object}.csv`)).length - absent[object]!.length);
    }
    // The portal still has the properties; only the export-only association columns leave properties.json.
    expect(properties["contacts"]!.map((p) => p.name)).toContain("mobilephone");
    expect(properties["deals"]!.map((p) => p.name)).not.toContain("associations.companies");
    expect(properties["deals"]!.map((p) => p.name)).toContain("associations.contacts");
  });

  it("custom-properties: every kind on every object, filled for most rows, as HubSpot's UI export prints them", async () => {
    const dir = await generated(["custom-properties"]);
    const properties = await readProperties(dir);
    const kinds = [
      "string/text",
      "string/textarea",
      "number/number",
      "date/date",
      "datetime/date",
      "enumeration/select",
      "enumeration/checkbox",
      "bool/booleancheckbox",
    ];
    for (const object of OBJECTS) {
      const rows = await readCsv(dir, `${object}.csv`);
      const custom = properties[object]!.filter((p) => !p.hubspotDefined);
      const added = custom.filter((p) => !SAMPLE_CUSTOM.includes(p.name));
      expect(new Set(added.map((p) => `${p.type}/${p.fieldType}`)), object).toEqual(new Set(kinds));
      for (const property of custom) {
        const cells = rows.map((r) => r[property.label]);
        const filled = cells.filter((c): c is string => c !== undefined && c !== "");
        expect(
          cells.every((c) => c !== undefined),
          `${object}: column ${property.label}`,
        ).toBe(true);
        if (added.includes(property))
          expect(filled.length, `${object}: ${property.label} filled`).toBeGreaterThan(rows.length / 2);
        for (const cell of filled) expectCsvValue(property, cell, `${object}: ${property.label}`);
      }
      expect(
        added.some((p) => rows.some((r) => r[p.label] === "")),
        `${object}: some rows without a value`,
      ).toBe(true);
    }
    const textareas = OBJECTS.flatMap((o) =>
      properties[o]!.filter((p) => p.fieldType === "textarea" && !p.hubspotDefined),
    );
    expect(textareas.length).toBeGreaterThanOrEqual(OBJECTS.length);
    expect((await readCsv(dir, "companies.csv")).some((r) => r["Onboarding Notes"]!.includes("\n"))).toBe(true);
    // The sample's own custom properties stay.
    for (const name of SAMPLE_CUSTOM)
      expect(
        OBJECTS.some((o) => properties[o]!.some((p) => p.name === name && !p.hubspotDefined)),
        name,
      ).toBe(true);
  });

  it("custom-properties: calls and notes carry theirs in the engagement JSON, as option values", async () => {
    const dir = await generated(["custom-properties"]);
    const properties = await readProperties(dir);
    for (const object of ["calls", "notes"]) {
      const custom = properties[object]!;
      expect(custom.length, object).toBeGreaterThan(0);
      expect(custom.every((p) => !p.hubspotDefined)).toBe(true);
      const records = (await readPages(dir, object)).pages.flatMap((p) => p.results);
      for (const property of custom) {
        const values = records.map((r) => r.properties[property.name]);
        expect(
          values.every((v) => typeof v === "string"),
          `${object}.${property.name}`,
        ).toBe(true);
        const filled = values.filter((v): v is string => v !== "" && v !== undefined);
        expect(filled.length, `${object}.${property.name}`).toBeGreaterThan(records.length / 2);
        if (property.type === "enumeration") {
          const known = new Set(property.options!.map((o) => o.value));
          for (const value of filled)
            for (const part of value.split(";"))
              expect(known.has(part), `${object}.${property.name}: ${value}`).toBe(true);
        }
        if (property.type === "bool") for (const value of filled) expect(["true", "false"]).toContain(value);
      }
      for (const record of records)
        expect(Object.keys(record.properties)).toEqual(Object.keys(record.properties).sort());
    }
    // Other engagements are unchanged.
    expect(await readFile(join(dir, "engagements/emails-1.json"))).toEqual(
      await readFile(join(SAMPLE, "engagements/emails-1.json")),
    );
  });

  it("extra-columns: HubSpot-defined columns the spec never heard of, with values", async () => {
    const dir = await generated(["extra-columns"]);
    const properties = await readProperties(dir);
    const expected: Record<string, string[]> = {
      companies: ["Last Activity Date", "Number of Pageviews", "Original Source", "Recent Deal Amount"],
      contacts: [
        "Last Activity Date",
        "Last Contacted",
        "Number of times contacted",
        "Number of Pageviews",
        "Original Source",
      ],
      leads: ["Last Activity Date", "Number of times contacted"],
      deals: ["Last Activity Date", "Days to close"],
      tickets: ["Last Activity Date"],
    };
    for (const object of OBJECTS) {
      const sampleHeader = await headerOf(SAMPLE, `${object}.csv`);
      const header = await headerOf(dir, `${object}.csv`);
      expect(header.slice(0, sampleHeader.length), object).toEqual(sampleHeader);
      const rows = await readCsv(dir, `${object}.csv`);
      for (const label of expected[object]!) {
        expect(header, `${object}: ${label}`).toContain(label);
        const property = properties[object]!.find((p) => p.label === label)!;
        expect(property.hubspotDefined, label).toBe(true);
        const filled = rows.map((r) => r[label]!).filter((c) => c !== "");
        expect(filled.length, `${object}: ${label}`).toBeGreaterThan(0);
        for (const cell of filled) expectCsvValue(property, cell, `${object}: ${label}`);
      }
    }
  });

  it("layout: LF without BOM, columns in another order, datetimes with seconds, pages of 7, pipelines by object type", async () => {
    const dir = await generated(["layout"]);
    for (const file of [
      "companies.csv",
      "contacts.csv",
      "leads.csv",
      "deals.csv",
      "tickets.csv",
      "campaigns.csv",
      "kb-articles.csv",
      "files.csv",
    ]) {
      const bytes = await readFile(join(dir, file));
      expect([...bytes.subarray(0, 3)], file).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.includes("\r\n"), file).toBe(false);
      const header = await headerOf(dir, file);
      const sampleHeader = await headerOf(SAMPLE, file);
      expect(header, file).not.toEqual(sampleHeader);
      expect([...header].sort(), file).toEqual([...sampleHeader].sort());
    }
    const contacts = await readCsv(dir, "contacts.csv");
    expect(contacts.every((r) => DATETIME_WITH_SECONDS.test(r["Create Date"]!))).toBe(true);
    const sampleContacts = await readCsv(SAMPLE, "contacts.csv");
    expect(contacts.map((r) => r["Create Date"]!.slice(0, 16))).toEqual(sampleContacts.map((r) => r["Create Date"]));
    expect(
      (await readCsv(dir, "deals.csv"))
        .filter((r) => r["Close Date"])
        .every((r) => DATETIME_WITH_SECONDS.test(r["Close Date"]!)),
    ).toBe(true);

    const files = await readdir(join(dir, "engagements"));
    expect(files).toContain("calls_0001.json");
    expect(files).toContain("calls_0002.json");
    expect(files.some((f) => /-\d+\.json$/.test(f))).toBe(false);
    for (const object of ENGAGEMENTS) {
      const { names, pages } = await readPages(dir, object);
      const sample = (await readPages(SAMPLE, object)).pages.flatMap((p) => p.results);
      expect(names[0], object).toBe(`${object}_0001.json`);
      expect(
        pages.flatMap((p) => p.results),
        object,
      ).toEqual(sample);
      pages.forEach((page, i) => {
        expect(page.results.length, `${object} page ${i + 1}`).toBeLessThanOrEqual(7);
        if (i < pages.length - 1) {
          expect(page.paging!.next.link).toContain("limit=7");
          expect(page.paging!.next.after).toBe(pages[i + 1]!.results[0]?.id ?? page.paging!.next.after);
        } else expect(page.paging).toBeUndefined();
      });
    }
    const pipelines = JSON.parse(await readFile(join(dir, "pipelines.json"), "utf8")) as Record<
      string,
      { results: { id: string }[] }
    >;
    expect(Object.keys(pipelines)).toEqual(["deals", "tickets"]);
    expect(pipelines["deals"]!.results.map((p) => p.id)).toEqual(["default", "31865402"]);
    expect(pipelines["tickets"]!.results.map((p) => p.id)).toEqual(["0"]);
  });

  it("all: every variant at once", async () => {
    const dir = await generated(["all"]);
    const header = await headerOf(dir, "contacts.csv");
    expect(header).toContain("Contact ID");
    expect(header).not.toContain("Record ID");
    expect(header).not.toContain("Job Title");
    expect(header).toContain("Associated Company IDs (Primary)");
    expect(header).toContain("GDPR Consent Date");
    expect(header).toContain("Last Contacted");
    const bytes = await readFile(join(dir, "contacts.csv"));
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes("\r\n")).toBe(false);
    expect(existsSync(join(dir, "engagements/calls_0001.json"))).toBe(true);
    const properties = await readProperties(dir);
    expect(properties["contacts"]!.find((p) => p.name === "hs_object_id")!.label).toBe("Contact ID");
    expect(properties["calls"]!.length).toBeGreaterThan(0);
    const deals = await readCsv(dir, "deals.csv");
    expect(
      deals.filter((d) => d["Contract Signed At"]).every((d) => DATETIME_WITH_SECONDS.test(d["Contract Signed At"]!)),
    ).toBe(true);
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("--variant legacy-labels,unselected,custom-properties,extra-columns,layout");
    expect(readme).toContain("engagements/calls_0001.json");
  });
});

/** The sample's own custom properties, which every variant keeps. */
const SAMPLE_CUSTOM = [
  "customer_tier",
  "vat_number",
  "preferred_language",
  "newsletter_opt_in",
  "lead_source",
  "contract_length__months_",
  "renewal_date",
];

/** A non-empty CSV cell as the UI export prints a property of its kind. */
function expectCsvValue(property: Property, cell: string, where: string): void {
  switch (`${property.type}/${property.fieldType}`) {
    case "number/number":
      expect(cell, where).toMatch(/^-?\d+(\.\d+)?$/);
      break;
    case "date/date":
      expect(cell, where).toMatch(DATE);
      break;
    case "datetime/date":
      expect(cell, where).toMatch(DATETIME);
      break;
    case "bool/booleancheckbox":
      expect(["Yes", "No"], where).toContain(cell);
      break;
    case "enumeration/select":
    case "enumeration/checkbox": {
      const labels = new Set(property.options!.map((o) => o.label));
      const parts = property.fieldType === "checkbox" ? cell.split(";") : [cell];
      for (const part of parts) expect(labels.has(part), `${where}: ${cell}`).toBe(true);
      break;
    }
  }
}
