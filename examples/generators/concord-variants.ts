// The variants of a Concord export: how real dumps of this format differ from installation to installation
// (/work/shared/formats/concord.md, "How real exports of this format differ"). A ConcordShape decides, for the
// variants asked for, everything that is not the records themselves: the page size, the folder and page names,
// how time stamps end, which attributes a row has and under which names, and which custom fields there are. With
// no variant it is the sample's shape, byte for byte.
import { ADDED_CUSTOM_FIELDS, customFields, type CustomField, type FieldResource } from "./concord-custom-fields.js";
import { timestamp } from "./concord-format.js";
import type { Party } from "./concord-model.js";
import { API_PAGES, CONCORD_RESOURCES, type JsonRow, type PageLayout, type Resource } from "./concord-pages.js";
import type { Clock, Entries } from "./concord-rows.js";
import { Random } from "./random.js";
import { codeList, renameList, variantsSection } from "./readme-tables.js";
import { resolveVariants, type ExportVariant } from "./variants.js";

export const CONCORD_VARIANTS = [
  { name: "page-size", summary: "the dump asked for 50 rows a page: more pages, other links, meta.per_page 50" },
  {
    name: "no-microseconds",
    summary: "time stamps without the six-digit fraction: 2024-05-01T10:00:00Z, e-mail dates 2024-05-01T10:00:00.000Z",
  },
  {
    name: "unselected",
    summary: "attributes the dump did not ask for: some of companies, contacts, deals and activities absent",
  },
  { name: "renamed", summary: "an older Concord's attribute names: title, expected_close, path, completed" },
  { name: "custom-fields", summary: "two more custom fields on companies, contacts and deals, in custom-fields/" },
  { name: "folders", summary: "folders activity_types/ and custom_fields/, pages page_001.json, page_002.json, …" },
] as const satisfies readonly ExportVariant[];

export type ConcordVariant = (typeof CONCORD_VARIANTS)[number]["name"];

/** The variants `requested` names (`all` for every one), in CONCORD_VARIANTS order. */
export function resolveConcordVariants(requested: readonly string[] | undefined): ConcordVariant[] {
  return resolveVariants(CONCORD_VARIANTS, requested);
}

/** Attributes the dump did not ask for (`?fields=`); ids, names and relations stay. */
const UNSELECTED: Partial<Record<Resource, readonly string[]>> = {
  companies: ["industry", "phones"],
  contacts: ["job_title", "tags"],
  deals: ["won_date", "lost_date", "products"],
  activities: ["note", "guests"],
};

/** The attribute names of an older Concord version. */
const RENAMED: Partial<Record<Resource, Readonly<Record<string, string>>>> = {
  contacts: { job_title: "title" },
  deals: { expected_close_date: "expected_close" },
  media: { disk_path: "path" },
  activities: { is_completed: "completed" },
};

/** The folders the `folders` variant names with an underscore. */
const UNDERSCORED = (resource: Resource) => resource.replace("-", "_");

/** Every folder a resource of any shape is written to, so --replace clears an export of another shape too. */
export const ALL_FOLDERS: readonly string[] = [...new Set(CONCORD_RESOURCES.flatMap((r) => [r, UNDERSCORED(r)]))];

const isFieldResource = (resource: Resource): resource is FieldResource =>
  resource === "companies" || resource === "contacts" || resource === "deals";

export class ConcordShape implements Clock {
  readonly pages: PageLayout;
  readonly fields: readonly CustomField[];

  constructor(
    readonly seed: number,
    readonly variants: readonly ConcordVariant[],
  ) {
    const folders = this.has("folders");
    this.pages = {
      perPage: this.has("page-size") ? 50 : API_PAGES.perPage,
      folder: folders ? UNDERSCORED : API_PAGES.folder,
      file: folders ? (page) => `page_${String(page).padStart(3, "0")}.json` : API_PAGES.file,
    };
    this.fields = customFields(this.has("custom-fields"));
  }

  has(variant: ConcordVariant): boolean {
    return this.variants.includes(variant);
  }

  /** The folder of a resource, as this export names it, with a trailing slash. */
  folder(resource: Resource): string {
    return `${this.pages.folder(resource)}/`;
  }

  timestamp(at: number): string {
    return timestamp(at, this.has("no-microseconds") ? "none" : "micro");
  }

  mailDate(at: number): string {
    return timestamp(at, this.has("no-microseconds") ? "milli" : "micro");
  }

  /** A row as written: the sample's attributes less the unselected, renamed, then the record's custom fields. */
  row(resource: Resource, entries: Entries, record?: Party): JsonRow {
    const row: JsonRow = {};
    for (const [name, value] of Object.entries(entries)) {
      if (this.has("unselected") && UNSELECTED[resource]?.includes(name)) continue;
      row[(this.has("renamed") && RENAMED[resource]?.[name]) || name] = value;
    }
    if (record && isFieldResource(resource))
      for (const field of this.fields.filter((f) => f.resource === resource)) {
        const rng = Random.forRecord(this.seed, "custom-field", resource, field.fieldId, record.index);
        row[field.fieldId] = field.draw(rng, {
          ...record,
          since: record.created,
          timestamp: (at) => this.timestamp(at),
        });
      }
    return row;
  }

  /** The README's account of the variants: what each changed, with the exact names. */
  readmeSection(scale: number): string[] {
    const origin = { source: "concord", seed: this.seed, scale, variants: this.variants };
    return variantsSection(origin, (variant) => this.variantNotes(variant));
  }

  private variantNotes(variant: ConcordVariant): string[] {
    const perResource = <T>(table: Partial<Record<Resource, T>>, show: (value: T) => string) =>
      (Object.entries(table) as [Resource, T][]).map(
        ([resource, value]) => `  ${this.folder(resource)}: ${show(value)};`,
      );
    switch (variant) {
      case "page-size":
        return [
          "- `page-size`: the dump asked for `per_page=50`, so every page holds at most 50 rows: `meta.per_page` is 50,",
          "  `last_page` and the links count pages of 50 (contacts and activities have three pages).",
        ];
      case "no-microseconds":
        return [
          "- `no-microseconds`: time stamps carry no six-digit fraction: `created_at`, `updated_at`, `won_date`, `lost_date`,",
          "  `completed_at` (and DateTime custom fields) as `2024-05-01T10:00:00Z`, e-mails' `date` as `2024-05-01T10:00:00.000Z`.",
        ];
      case "unselected":
        return [
          "- `unselected`: the dump did not ask for every attribute, so these are absent from every row:",
          ...perResource(UNSELECTED, codeList),
          "  Awkward cases above that live in an absent attribute are not in this export.",
        ];
      case "renamed":
        return [
          "- `renamed`: a dump from an older Concord version, whose attributes had other names (sample name → this export's):",
          ...perResource(RENAMED, renameList),
        ];
      case "custom-fields":
        return [
          "- `custom-fields`: the installation has two more custom fields on each resource, of other types, described in",
          `  ${this.folder("custom-fields")} and written after the sample's custom fields (null where unset):`,
          ...(["companies", "contacts", "deals"] as const).map(
            (resource) =>
              `  ${resource}: ${ADDED_CUSTOM_FIELDS.filter((f) => f.resource === resource)
                .map((f) => `\`${f.fieldId}\` (${f.type})`)
                .join(", ")};`,
          ),
        ];
      case "folders":
        return [
          "- `folders`: the dump named folders with underscores, `activity_types/` and `custom_fields/` (the others are",
          "  single words), and pages `page_001.json`, `page_002.json`, …; storage/app/ and the links are unchanged.",
        ];
    }
  }
}
