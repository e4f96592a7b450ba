import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HELP, parseConcordArgs } from "../../examples/generators/concord-cli.js";
import {
  APP_URL,
  CONCORD_RESOURCES,
  CONCORD_VARIANTS,
  concordTraps,
  generateConcordExport,
  type Resource,
} from "../../examples/generators/concord.js";
import {
  eachVariantThenAll,
  expectLaravelPages,
  filesUnder,
  pageFileNames,
  readJsonPages,
  sameFiles,
  sampleDir,
  variantContract,
  type LaravelPage,
} from "../support/sample-export.js";

const SAMPLE = sampleDir("concord");

type Row = Record<string, unknown>;

/** The folder of a resource in an export with the `folders` variant (`all` included) or without. */
const folderOf = (variants: readonly string[], resource: Resource) =>
  variants.includes("folders") || variants.includes("all") ? resource.replace("-", "_") : resource;

async function rowsOf(dir: string, resource: Resource, variants: readonly string[] = []): Promise<Row[]> {
  return (await readJsonPages<LaravelPage>(dir, folderOf(variants, resource))).flatMap((page) => page.data);
}

/** Each sample row without the given attributes, and with others renamed. */
function reshaped(rows: Row[], absent: readonly string[], renamed: Readonly<Record<string, string>> = {}): Row[] {
  return rows.map((row) =>
    Object.fromEntries(
      Object.entries(row)
        .filter(([name]) => !absent.includes(name))
        .map(([name, value]) => [renamed[name] ?? name, value]),
    ),
  );
}

const FIELD_RESOURCES = ["companies", "contacts", "deals"] as const;

/** A custom field's value as Concord writes a field of its type; null when unset. */
function expectFieldValue(field: Row, value: unknown): void {
  const where = `${field["field_id"]}: ${JSON.stringify(value)}`;
  const options = (field["options"] as Row[]).map((o) => o["id"]);
  switch (field["field_type"]) {
    case "Select":
    case "Radio":
      expect(options, where).toContain(value);
      break;
    case "MultiSelect":
    case "Checkbox":
      expect((value as unknown[]).length, where).toBeGreaterThan(0);
      for (const id of value as unknown[]) expect(options, where).toContain(id);
      break;
    case "Boolean":
      expect(typeof value, where).toBe("boolean");
      break;
    case "Number":
      expect(Number.isInteger(value), where).toBe(true);
      break;
    case "Numeric":
      expect(typeof value, where).toBe("number");
      break;
    case "Date":
      expect(value, where).toMatch(/^\d{4}-\d\d-\d\d$/);
      break;
    case "DateTime":
      expect(value, where).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000Z$/);
      break;
    case "Email":
      expect(value, where).toMatch(/^[a-z0-9.-]+@[a-z0-9.-]+\.example$/);
      break;
    case "Url":
      expect(value, where).toMatch(/^https:\/\/\S+$/);
      break;
    case "Text":
    case "Textarea":
      expect(value, where).toMatch(/\S/);
      break;
    default:
      throw new Error(`${where}: unknown field type ${field["field_type"]}`);
  }
}

describe("Concord export variants", () => {
  const generated = variantContract({
    source: "concord",
    generate: generateConcordExport,
    variants: CONCORD_VARIANTS,
    cli: { help: HELP, parse: parseConcordArgs },
  });

  it("keep the records: every resource has the sample's ids in the sample's order", async () => {
    for (const variants of eachVariantThenAll(CONCORD_VARIANTS)) {
      const dir = await generated(variants);
      for (const resource of CONCORD_RESOURCES) {
        const ids = (await rowsOf(dir, resource, variants)).map((r) => r["id"]);
        const sampleIds = (await rowsOf(SAMPLE, resource)).map((r) => r["id"]);
        // The installation of custom-fields has more fields: the sample's come first.
        const kept = resource === "custom-fields" ? ids.slice(0, sampleIds.length) : ids;
        expect(kept, `${variants.join(",")} ${resource}`).toEqual(sampleIds);
      }
      expect(await sameFiles(join(dir, "storage"), join(SAMPLE, "storage")), variants.join(",")).toBe(true);
    }
  });

  it("page-size: pages of 50 with their links and meta, the same rows", async () => {
    const dir = await generated(["page-size"]);
    for (const resource of CONCORD_RESOURCES) {
      const pages = await readJsonPages<LaravelPage>(dir, resource);
      expectLaravelPages(pages, `${APP_URL}/api/${resource}`, 50);
      expect(pages.flatMap((p) => p.data)).toEqual(await rowsOf(SAMPLE, resource));
    }
    expect(await pageFileNames(dir, "contacts")).toEqual(["page-1.json", "page-2.json", "page-3.json"]);
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("| contacts/ | 3 | 130 |");
    expect(readme).toContain("50 a page: 3 and 3 pages");
  });

  it("no-microseconds: time stamps end in whole seconds, e-mail dates in milliseconds, nothing else changes", async () => {
    const dir = await generated(["no-microseconds"]);
    for (const resource of CONCORD_RESOURCES) {
      const text = JSON.stringify(await rowsOf(dir, resource));
      expect(text, resource).not.toContain(".000000Z");
      const sample = JSON.stringify(await rowsOf(SAMPLE, resource));
      const fraction = resource === "emails" ? ".000Z" : "Z";
      expect(text, resource).toBe(sample.replaceAll(".000000Z", fraction));
    }
    expect((await rowsOf(dir, "contacts"))[0]!["created_at"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect((await rowsOf(dir, "emails"))[0]!["date"]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    const trap = concordTraps(1, 1, ["no-microseconds"]).find((t) => t.key === "timestamps-without-microseconds");
    expect(trap?.ids).toEqual(["1"]);
    expect(concordTraps(1).map((t) => t.key)).not.toContain("timestamps-without-microseconds");
    expect(await readFile(join(dir, "README.md"), "utf8")).toContain(
      "| timestamps-without-microseconds | emails/ | 1 |",
    );
  });

  it("unselected: the attributes not asked for are absent from every row, the rest unchanged", async () => {
    const dir = await generated(["unselected"]);
    const absent: Partial<Record<Resource, string[]>> = {
      companies: ["industry", "phones"],
      contacts: ["job_title", "tags"],
      deals: ["won_date", "lost_date", "products"],
      activities: ["note", "guests"],
    };
    for (const resource of CONCORD_RESOURCES)
      expect(await rowsOf(dir, resource), resource).toEqual(
        reshaped(await rowsOf(SAMPLE, resource), absent[resource] ?? []),
      );
  });

  it("renamed: an older Concord's attribute names, in the same place, with the same values", async () => {
    const dir = await generated(["renamed"]);
    const renamed: Partial<Record<Resource, Record<string, string>>> = {
      contacts: { job_title: "title" },
      deals: { expected_close_date: "expected_close" },
      media: { disk_path: "path" },
      activities: { is_completed: "completed" },
    };
    for (const resource of CONCORD_RESOURCES) {
      const rows = await rowsOf(dir, resource);
      const expected = reshaped(await rowsOf(SAMPLE, resource), [], renamed[resource]);
      expect(rows, resource).toEqual(expected);
      expect(Object.keys(rows[0]!), resource).toEqual(Object.keys(expected[0]!));
    }
  });

  it("custom-fields: two more fields of other types per resource, described, valid, sometimes null", async () => {
    const dir = await generated(["custom-fields"]);
    const fields = await rowsOf(dir, "custom-fields");
    const sampleFields = await rowsOf(SAMPLE, "custom-fields");
    expect(fields.slice(0, sampleFields.length)).toEqual(sampleFields);
    const added = fields.slice(sampleFields.length);
    expect(new Set(fields.map((f) => f["field_type"]))).toEqual(
      new Set(
        ["Text", "Textarea", "Number", "Numeric", "Date", "DateTime", "Boolean", "Select", "MultiSelect"].concat([
          "Checkbox",
          "Radio",
          "Email",
          "Url",
        ]),
      ),
    );
    for (const resource of FIELD_RESOURCES) {
      const own = added.filter((f) => f["resource_name"] === resource);
      expect(own.length, resource).toBe(2);
      const sampleTypes = sampleFields.filter((f) => f["resource_name"] === resource).map((f) => f["field_type"]);
      for (const field of own) expect(sampleTypes, `${field["field_id"]}`).not.toContain(field["field_type"]);
      const rows = await rowsOf(dir, resource);
      const sampleRows = await rowsOf(SAMPLE, resource);
      expect(
        reshaped(
          rows,
          own.map((f) => f["field_id"] as string),
        ),
        resource,
      ).toEqual(sampleRows);
      for (const row of rows) expect(Object.keys(row).slice(-2), resource).toEqual(own.map((f) => f["field_id"]));
      for (const field of fields.filter((f) => f["resource_name"] === resource)) {
        const values = rows.map((r) => r[field["field_id"] as string]);
        const set = values.filter((v) => v !== null);
        if (field["field_type"] !== "Boolean") expect(set.length, `${field["field_id"]}`).toBeLessThan(rows.length);
        expect(set.length, `${field["field_id"]}`).toBeGreaterThan(rows.length / 4);
        for (const value of set) expectFieldValue(field, value);
      }
    }
    const option = fields.flatMap((f) => f["options"] as Row[]).map((o) => o["id"]);
    expect(new Set(option).size).toBe(option.length);
  });

  it("folders: activity_types/ and custom_fields/, pages page_001.json, the sample's bytes", async () => {
    const dir = await generated(["folders"]);
    for (const resource of CONCORD_RESOURCES) {
      const folder = folderOf(["folders"], resource);
      const names = await pageFileNames(dir, folder);
      expect(names, folder).toEqual(names.map((_, k) => `page_${String(k + 1).padStart(3, "0")}.json`));
      const sampleNames = await pageFileNames(SAMPLE, resource);
      expect(names.length, folder).toBe(sampleNames.length);
      for (const [k, name] of names.entries())
        expect(await readFile(join(dir, folder, name)), `${folder}/${name}`).toEqual(
          await readFile(join(SAMPLE, resource, sampleNames[k]!)),
        );
    }
    const files = await filesUnder(dir);
    expect(files.some((f) => f.startsWith("activity-types/") || f.startsWith("custom-fields/"))).toBe(false);
    expect(files).toContain("activity_types/page_001.json");
    expect(concordTraps(1, 1, ["folders"]).find((t) => t.key === "option-ids")!.file).toBe("custom_fields/");
  });

  it("all: every variant at once", async () => {
    const variants = ["all"];
    const dir = await generated(variants);
    expect(existsSync(join(dir, "custom-fields"))).toBe(false);
    const pages = await readJsonPages<LaravelPage>(dir, "contacts");
    expect(pages.map((p) => p.meta["per_page"])).toEqual([50, 50, 50]);
    const contact = (await rowsOf(dir, "contacts", variants))[0]!;
    expect(contact).not.toHaveProperty("job_title");
    expect(contact).not.toHaveProperty("title");
    expect(contact).toHaveProperty("cf_last_event_at");
    expect(contact["created_at"]).toMatch(/:\d\dZ$/);
    const deal = (await rowsOf(dir, "deals", variants))[0]!;
    expect(deal).toHaveProperty("expected_close");
    expect(deal).not.toHaveProperty("products");
    expect((await rowsOf(dir, "activities", variants))[0]).toHaveProperty("completed");
    expect((await rowsOf(dir, "media", variants))[0]).toHaveProperty("path");
    expect((await rowsOf(dir, "custom-fields", variants)).length).toBe(15);
    const readme = await readFile(join(dir, "README.md"), "utf8");
    expect(readme).toContain("--variant page-size,no-microseconds,unselected,renamed,custom-fields,folders");
    expect(readme).toContain("| activity_types/ | 1 | 6 |");
  });
});
