// The variants of a SmartDesk export: how real HubSpot-like exports differ from customer to customer
// (/work/shared/formats/smartdesk.md, "How real exports of this format differ"). A SmartDeskShape decides,
// for the variants asked for, everything about the files that is not the records themselves: which columns
// a CSV has, under which labels and in which order, the CSV dialect, how datetimes print, how engagement
// pages are cut and named, how pipelines.json is laid out, and what properties.json lists. With no variant
// it is the sample's shape, byte for byte.
import type { CsvDialect } from "./export-files.js";
import { Random } from "./random.js";
import {
  PIPELINES,
  PROPERTIES,
  SUPPORT_PIPELINE,
  type CrmObject,
  type PropertyDefinition,
} from "./smartdesk-account.js";
import type { EngagementJson } from "./smartdesk-activities.js";
import { CUSTOM_PROPERTIES, ENGAGEMENT_CUSTOM_PROPERTIES } from "./smartdesk-custom-properties.js";
import { EXTRA_COLUMNS } from "./smartdesk-extra-columns.js";
import type { EngagementObject } from "./smartdesk-model.js";
import { apiText, csvText, type AddedProperty, type RecordContext } from "./smartdesk-property-values.js";
import { exportDateTime, exportDateTimeWithSeconds } from "./smartdesk-time.js";
import { codeList, variantsSection } from "./readme-tables.js";
import { resolveVariants, type ExportVariant } from "./variants.js";

export const SMARTDESK_VARIANTS = [
  {
    name: "legacy-labels",
    summary:
      "an older portal: id columns named by object (Contact ID …), owners `HubSpot Owner`, association columns `… IDs (Primary)`",
  },
  { name: "unselected", summary: "properties the customer did not select: some columns of each CSV are absent" },
  {
    name: "custom-properties",
    summary: "the customer's own properties of every kind on every object, and on calls and notes",
  },
  {
    name: "extra-columns",
    summary: "HubSpot-defined columns the spec never heard of (Last Activity Date, Number of Pageviews, …)",
  },
  {
    name: "layout",
    summary:
      "LF line ends without BOM, columns in another order, datetimes with seconds, 7 engagements a page in calls_0001.json …, pipelines.json by object type",
  },
] as const satisfies readonly ExportVariant[];

export type SmartDeskVariant = (typeof SMARTDESK_VARIANTS)[number]["name"];

/** The variants `requested` names (`all` for every one), in SMARTDESK_VARIANTS order. */
export function resolveSmartDeskVariants(requested: readonly string[] | undefined): SmartDeskVariant[] {
  return resolveVariants(SMARTDESK_VARIANTS, requested);
}

/** The HubSpot UI export dialect of the sample. */
export const SMARTDESK_CSV: CsvDialect = { bom: true, lineEnd: "\r\n", delimiter: "," };

/** Records per page of the sample's API exports; HubSpot allows up to 100, the exporter asked for 25. */
export const PAGE_SIZE = 25;

const CRM_OBJECTS = Object.keys(PROPERTIES) as CrmObject[];

/** What an export made by another tool looks like: no BOM, LF line ends (the sample has a BOM and CRLF). */
const OTHER_TOOL_CSV: CsvDialect = { bom: false, lineEnd: "\n", delimiter: "," };
const OTHER_TOOL_PAGE_SIZE = 7;

/** Older portals labelled the id column by object; tickets were always "Ticket ID". */
const LEGACY_ID_LABELS: Readonly<Record<CrmObject, string>> = {
  companies: "Company ID",
  contacts: "Contact ID",
  leads: "Lead ID",
  deals: "Deal ID",
  tickets: "Ticket ID",
};

/** Before HubSpot named owner columns by object, companies, contacts and deals shared one label. */
const LEGACY_OWNER_LABEL = "HubSpot Owner";
const LEGACY_OWNER_OBJECTS: readonly CrmObject[] = ["companies", "contacts", "deals"];

/** Association columns of labelled associations name the label: only the primary association is exported. */
const LEGACY_ASSOCIATION_LABELS: Readonly<Record<string, string>> = {
  "associations.companies": "Associated Company IDs (Primary)",
  "associations.contacts": "Associated Contact IDs (Primary)",
};

/** Properties the customer did not tick in the export dialog; ids, names, e-mail, stage, pipeline, amount and dates stay. */
const UNSELECTED: Readonly<Record<CrmObject, readonly string[]>> = {
  companies: ["annualrevenue", "phone"],
  contacts: ["mobilephone", "jobtitle", "address", "city"],
  leads: ["hubspot_owner_id"],
  deals: ["dealtype", "hs_deal_stage_probability", "associations.companies"],
  tickets: ["hs_ticket_priority", "associations.companies"],
};

/** One record of a UI export: the cells of the sample's columns (in PROPERTIES order) and what added columns draw from. */
export interface CsvRecord extends RecordContext {
  index: number;
  cells: readonly string[];
}

/** A column of a UI export: its property (label as exported) and how a record fills it. */
export interface ExportColumn {
  property: PropertyDefinition;
  cell(record: CsvRecord): string;
}

const isAssociation = (property: PropertyDefinition) => property.name.startsWith("associations.");

export class SmartDeskShape {
  readonly dialect: CsvDialect;
  readonly pageSize: number;
  /** How the UI exports print a moment: `2024-03-15 09:30`, or with seconds. */
  readonly dateTime: (utc: number | undefined) => string;

  constructor(
    private readonly seed: number,
    readonly variants: readonly SmartDeskVariant[],
  ) {
    const layout = this.has("layout");
    this.dialect = layout ? OTHER_TOOL_CSV : SMARTDESK_CSV;
    this.pageSize = layout ? OTHER_TOOL_PAGE_SIZE : PAGE_SIZE;
    this.dateTime = layout ? exportDateTimeWithSeconds : exportDateTime;
  }

  has(variant: SmartDeskVariant): boolean {
    return this.variants.includes(variant);
  }

  /** Page `page` (from 1) of an engagement export: `engagements/calls-1.json`, or `engagements/calls_0001.json`. */
  pageFile(object: EngagementObject, page: number): string {
    return this.has("layout")
      ? `engagements/${object}_${String(page).padStart(4, "0")}.json`
      : `engagements/${object}-${page}.json`;
  }

  /** pipelines.json: one `results` list, or the deal and ticket pipelines under their object types. */
  pipelines(): unknown {
    if (!this.has("layout")) return { results: PIPELINES };
    return {
      deals: { results: PIPELINES.filter((p) => p !== SUPPORT_PIPELINE) },
      tickets: { results: [SUPPORT_PIPELINE] },
    };
  }

  /** The columns of `<object>.csv`, before layout's reordering (which `columnOrder` does for every CSV). */
  columns(object: CrmObject): ExportColumn[] {
    return this.definedColumns(object).filter((column) => !this.isUnselected(object, column.property));
  }

  /**
   * properties.json: every property of the portal, whether exported or not (the properties API does not
   * know what the export dialog ticked), plus the export-only association columns that are in the CSVs.
   */
  properties(): Record<string, readonly PropertyDefinition[]> {
    const properties: Record<string, readonly PropertyDefinition[]> = {};
    for (const object of CRM_OBJECTS) {
      properties[object] = this.definedColumns(object)
        .filter((column) => !(isAssociation(column.property) && this.isUnselected(object, column.property)))
        .map((column) => column.property);
    }
    if (this.has("custom-properties")) {
      for (const [object, added] of Object.entries(ENGAGEMENT_CUSTOM_PROPERTIES))
        properties[object] = added.map((p) => p.definition);
    }
    return properties;
  }

  /** The order of a CSV's columns, as indices into the columns it is written from: the same, or shuffled by layout. */
  columnOrder(path: string, width: number): number[] {
    const same = Array.from({ length: width }, (_, k) => k);
    if (!this.has("layout") || width < 2) return same;
    const order = Random.forRecord(this.seed, "layout-columns", path).sample(same, width);
    // A shuffle may leave every column in place; another tool's order never matches by chance.
    return order.every((k, i) => k === i) ? [...same.slice(1), 0] : order;
  }

  /** An engagement as the API returns it, with the customer's own call and note properties among `properties`. */
  engagement(object: EngagementObject, index: number, json: EngagementJson): EngagementJson {
    if (!this.has("custom-properties") || (object !== "calls" && object !== "notes")) return json;
    const record: RecordContext = { createdAt: Date.parse(json.createdAt), closedAt: undefined, sparse: false };
    const all: Record<string, string> = { ...json.properties };
    for (const added of ENGAGEMENT_CUSTOM_PROPERTIES[object])
      all[added.definition.name] = apiText(added.definition, this.draw(object, added, index, record));
    const properties: Record<string, string> = {};
    for (const key of Object.keys(all).sort()) properties[key] = all[key]!;
    return { ...json, properties };
  }

  /** The sample's columns (relabelled by legacy-labels), then HubSpot's extra columns, then the customer's own. */
  private definedColumns(object: CrmObject): ExportColumn[] {
    const sample = PROPERTIES[object].map((property, k): ExportColumn => ({
      property: this.relabelled(object, property),
      cell: (record) => record.cells[k]!,
    }));
    const added = [
      ...(this.has("extra-columns") ? EXTRA_COLUMNS[object] : []),
      ...(this.has("custom-properties") ? CUSTOM_PROPERTIES[object] : []),
    ];
    return [...sample, ...added.map((property) => this.addedColumn(object, property))];
  }

  private addedColumn(object: CrmObject, added: AddedProperty): ExportColumn {
    return {
      property: added.definition,
      cell: (record) => csvText(added.definition, this.draw(object, added, record.index, record), this.dateTime),
    };
  }

  /** Each added property draws from its own stream, so one variant's values do not move when another is added. */
  private draw(object: string, added: AddedProperty, index: number, record: RecordContext) {
    return added.draw(Random.forRecord(this.seed, "added-property", object, added.definition.name, index), record);
  }

  private relabelled(object: CrmObject, property: PropertyDefinition): PropertyDefinition {
    if (!this.has("legacy-labels")) return property;
    const label = legacyLabel(object, property);
    return label === property.label ? property : { ...property, label };
  }

  private isUnselected(object: CrmObject, property: PropertyDefinition): boolean {
    return this.has("unselected") && UNSELECTED[object].includes(property.name);
  }

  /** The README's account of the variants: what each changed, with the exact labels, files and folders. */
  readmeSection(scale: number): string[] {
    const origin = { source: "smartdesk", seed: this.seed, scale, variants: this.variants };
    return variantsSection(origin, (variant) => this.variantNotes(variant));
  }

  private variantNotes(variant: SmartDeskVariant): string[] {
    switch (variant) {
      case "legacy-labels": {
        const ids = CRM_OBJECTS.filter((o) => LEGACY_ID_LABELS[o] !== PROPERTIES[o][0]!.label).map(
          (o) => `${o}.csv \`${LEGACY_ID_LABELS[o]}\``,
        );
        return [
          "- `legacy-labels`: an export from an older portal. The id column is labelled by object instead of `Record ID`:",
          `  ${ids.join(", ")}; tickets.csv keeps \`Ticket ID\`. The owner column of ${LEGACY_OWNER_OBJECTS.map((o) => `${o}.csv`).join(", ")} is`,
          `  \`${LEGACY_OWNER_LABEL}\` (instead of \`Company owner\`, \`Contact owner\`, \`Deal owner\`). Association columns carry a qualifier:`,
          `  ${codeList(Object.values(LEGACY_ASSOCIATION_LABELS))} instead of \`Associated Company IDs\`, \`Associated Contact IDs\`.`,
          "  properties.json gives the same labels (hs_object_id, hubspot_owner_id, associations.*).",
        ];
      }
      case "unselected":
        return [
          "- `unselected`: the customer did not select every property, so these columns are absent:",
          ...CRM_OBJECTS.map(
            (o) =>
              `  ${o}.csv: ${codeList(
                this.definedColumns(o)
                  .filter((c) => this.isUnselected(o, c.property))
                  .map((c) => c.property.label),
              )};`,
          ),
          "  properties.json still defines the properties (the portal has them), but not the absent association columns.",
          "  Awkward cases above that live in an absent column are not in this export.",
        ];
      case "custom-properties":
        return [
          "- `custom-properties`: the customer's own properties (`hubspotDefined: false` in properties.json), beside the sample's.",
          "  CSV cells hold option labels (a checkbox's labels separated by `;`), `Yes`/`No`, dates `YYYY-MM-DD`, datetimes as Create Date;",
          "  most records have a value, some none (the sample's nearly empty records never).",
          ...CRM_OBJECTS.map((o) => `  ${o}.csv: ${describe(CUSTOM_PROPERTIES[o])};`),
          ...Object.entries(ENGAGEMENT_CUSTOM_PROPERTIES).map(
            ([o, added]) =>
              `  ${o} (properties.json \`${o}\`, values in the engagement JSON under \`properties\`, option values not labels): ${describe(added)};`,
          ),
        ];
      case "extra-columns":
        return [
          "- `extra-columns`: HubSpot-defined columns the sample did not select (`hubspotDefined: true` in properties.json):",
          ...CRM_OBJECTS.map((o) => `  ${o}.csv: ${describe(EXTRA_COLUMNS[o])};`),
        ];
      case "layout":
        return [
          "- `layout`: made by another tool. CSV files (all of them) have no byte order mark and LF line ends, and their columns",
          "  come in another order (header labels are unchanged). Date-times print with seconds: `2024-03-15 09:30:12`.",
          `  Engagement pages hold up to ${this.pageSize} records and are named \`${this.pageFile("calls", 1)}\`, \`${this.pageFile("calls", 2)}\`, …`,
          '  pipelines.json holds deal and ticket pipelines under separate keys: `{"deals": {"results": […]}, "tickets": {"results": […]}}`.',
        ];
    }
  }
}

/** The label an older portal gives a property, or its own. */
function legacyLabel(object: CrmObject, property: PropertyDefinition): string {
  if (property.name === "hs_object_id") return LEGACY_ID_LABELS[object];
  if (property.name === "hubspot_owner_id" && LEGACY_OWNER_OBJECTS.includes(object)) return LEGACY_OWNER_LABEL;
  return LEGACY_ASSOCIATION_LABELS[property.name] ?? property.label;
}

function describe(added: readonly AddedProperty[]): string {
  return added.map(({ definition: d }) => `\`${d.label}\` (${d.name}, ${d.type}/${d.fieldType})`).join(", ");
}
