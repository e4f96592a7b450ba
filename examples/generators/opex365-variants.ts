// The variants of an OPEX 365 export: how real Dataverse Web API dumps differ from customer to customer
// (/work/shared/formats/opex365.md, "How real exports of this format differ"). An Opex365Shape decides, for
// the variants asked for, where a table's pages go and what they carry, which columns and annotations a row
// has, which e-mail recipients are only addresses, and how the metadata is written. With no variant it is
// the sample's shape, byte for byte.
import type { WrittenFile } from "./export-files.js";
import { PARTICIPATION, email, type ActivityTable, type Party } from "./opex365-activities.js";
import { CUSTOM_COLUMNS, CUSTOM_PREFIX, withCustomColumns, type CustomizedTable } from "./opex365-custom-columns.js";
import {
  ENTITY_DEFINITIONS_FILE,
  ENTITY_DEFINITIONS_FOLDER,
  METADATA_PAGE_SIZE,
  describedTables,
  entityEntries,
  writeMetadataDocument,
  writeMetadataPages,
} from "./opex365-metadata.js";
import type { Opex365Model } from "./opex365-model.js";
import { ENTITY_SET_PAGES, type ODataRow, type PageLayout } from "./opex365-odata.js";
import type { EntitySet } from "./opex365.js";
import { Random } from "./random.js";
import { codeList, variantsSection } from "./readme-tables.js";
import { resolveVariants, type ExportVariant } from "./variants.js";

export const OPEX365_VARIANTS = [
  {
    name: "logical-names",
    summary: "folders named by the table's logical name (account/), pages account_1.json, account_2.json, …",
  },
  {
    name: "metadata-pages",
    summary: "EntityDefinitions as pages in EntityDefinitions/, listing the standard tables too",
  },
  {
    name: "custom-columns",
    summary: "the customer's kst_ columns of every type on account, contact, lead, opportunity and incident",
  },
  {
    name: "annotations-minimal",
    summary: "rows read with only the lookuplogicalname annotation; pages carry @odata.count",
  },
  { name: "unselected", summary: "some non-key columns not selected: absent from every row of their table" },
  {
    name: "address-recipients",
    summary: "more e-mail To/CC parties that are only an address (addressused, no _partyid_value)",
  },
] as const satisfies readonly ExportVariant[];

export type Opex365Variant = (typeof OPEX365_VARIANTS)[number]["name"];

/** The variants `requested` names (`all` for every one), in OPEX365_VARIANTS order. */
export function resolveOpex365Variants(requested: readonly string[] | undefined): Opex365Variant[] {
  return resolveVariants(OPEX365_VARIANTS, requested);
}

/** Each entity set's table by logical name: the folder a dump names by table rather than by entity set. */
export const LOGICAL_NAMES: Readonly<Record<EntitySet, string>> = {
  systemusers: "systemuser",
  roles: "role",
  transactioncurrencies: "transactioncurrency",
  pricelevels: "pricelevel",
  processstages: "processstage",
  workflows: "workflow",
  sdkmessageprocessingsteps: "sdkmessageprocessingstep",
  accounts: "account",
  contacts: "contact",
  leads: "lead",
  opportunities: "opportunity",
  incidents: "incident",
  emails: "email",
  appointments: "appointment",
  phonecalls: "phonecall",
  tasks: "task",
  activityparties: "activityparty",
  annotations: "annotation",
  products: "product",
  productpricelevels: "productpricelevel",
  productassociations: "productassociation",
  new_projects: "new_project",
};

/** Columns left out of the `$select`; keys, names, lookups and statecode stay. */
const UNSELECTED: Readonly<Partial<Record<EntitySet, readonly string[]>>> = {
  accounts: ["websiteurl", "address1_line2", "revenue", "numberofemployees"],
  contacts: ["mobilephone", "jobtitle", "birthdate"],
  leads: ["mobilephone", "websiteurl", "description"],
  opportunities: ["description", "opportunityratingcode"],
  incidents: ["caseorigincode"],
};

/** Annotations a `Prefer: odata.include-annotations="Microsoft.Dynamics.CRM.lookuplogicalname"` read leaves out. */
const DROPPED_ANNOTATIONS = [
  "@OData.Community.Display.V1.FormattedValue",
  "@Microsoft.Dynamics.CRM.associatednavigationproperty",
];

/** Shared mailboxes at a customer, which match no contact. */
const MAILBOXES = ["einkauf", "buchhaltung", "service", "qualitaet", "office", "accounts.payable"];

const KESTREL_DOMAIN = "@kestrel-instruments.com";

const logicalPagePath = (entitySet: string, page: number) => {
  const table = LOGICAL_NAMES[entitySet as EntitySet];
  return `${table}/${table}_${page}.json`;
};

export class Opex365Shape {
  /** Where every table's pages go and whether they carry `@odata.count`. */
  readonly pages: PageLayout;

  constructor(
    private readonly model: Opex365Model,
    readonly variants: readonly Opex365Variant[],
  ) {
    this.pages = {
      path: this.has("logical-names") ? logicalPagePath : ENTITY_SET_PAGES.path,
      count: this.has("annotations-minimal"),
    };
  }

  has(variant: Opex365Variant): boolean {
    return this.variants.includes(variant);
  }

  /** The folder of an entity set's pages: its entity set name, or its logical name. */
  folder(entitySet: EntitySet): string {
    return this.has("logical-names") ? LOGICAL_NAMES[entitySet] : entitySet;
  }

  /** A row as this export's `$select` and `Prefer` header give it: custom columns added, unselected ones removed, annotations thinned. */
  row(entitySet: EntitySet, key: string, values: ODataRow): ODataRow {
    let row = values;
    const table = LOGICAL_NAMES[entitySet];
    if (this.has("custom-columns") && table in CUSTOM_COLUMNS)
      row = withCustomColumns(this.model, table as CustomizedTable, row, key);
    const unselected = this.has("unselected") ? UNSELECTED[entitySet] : undefined;
    if (unselected) row = withoutColumns(row, unselected);
    if (this.has("annotations-minimal")) row = withLookupNamesOnly(row);
    return row;
  }

  /**
   * The parties of activity `index` of `table`. With address-recipients, e-mails also go to addresses that
   * match no record when sent: every third e-mail's customer To (or CC) party becomes only its address,
   * and every fourth (from the second) gets a shared mailbox of the customer in CC, also only an address.
   */
  parties(table: ActivityTable, index: number, parties: Party[]): Party[] {
    if (!this.has("address-recipients") || table !== "email") return parties;
    const rng = Random.forRecord(this.model.seed, "address-recipients", index);
    const result = parties.map((p) => ({ ...p }));
    const domain = customerDomain(result);
    const customerRecipient = result.find(
      (p) =>
        (p.mask === PARTICIPATION.to || p.mask === PARTICIPATION.cc) &&
        p.party !== null &&
        p.party.table !== "systemuser" &&
        p.address !== null,
    );
    if (index % 3 === 0 && customerRecipient) customerRecipient.party = null;
    const copyMailbox = index % 4 === 1 || (index % 3 === 0 && !customerRecipient);
    if (copyMailbox && domain)
      result.push({ mask: PARTICIPATION.cc, party: null, address: `${rng.pick(MAILBOXES)}@${domain}`, deleted: false });
    return result;
  }

  /**
   * EntityDefinitions: one document, as in the sample (which describes only new_project), or pages; the
   * standard tables are in it when custom columns need describing or a paging tool dumped all metadata.
   */
  async writeMetadata(outDir: string): Promise<WrittenFile[]> {
    const paged = this.has("metadata-pages");
    const custom = this.has("custom-columns");
    const entries = entityEntries(
      this.model,
      describedTables({ allStandardTables: paged, customColumns: custom }),
      custom,
    );
    return paged ? writeMetadataPages(outDir, entries) : writeMetadataDocument(outDir, entries);
  }

  /** A path the sample's README names (`accounts/`, `accounts/page-0002.json`), where this export has it. */
  relocate(path: string): string {
    const match = /^([a-z_]+)\/(?:page-(\d{4})\.json)?$/.exec(path);
    if (!match || !(match[1]! in LOGICAL_NAMES)) return path;
    const entitySet = match[1] as EntitySet;
    return match[2] === undefined ? `${this.folder(entitySet)}/` : this.pages.path(entitySet, Number(match[2]));
  }

  /** The README's account of the variants: what each changed, with the exact columns, files and folders. */
  readmeSection(): string[] {
    const origin = { source: "opex365", seed: this.model.seed, scale: this.model.scale, variants: this.variants };
    return variantsSection(origin, (variant) => this.variantNotes(variant));
  }

  private variantNotes(variant: Opex365Variant): string[] {
    switch (variant) {
      case "logical-names":
        return [
          "- `logical-names`: each table's folder is named by its logical name, not its entity set, and its pages",
          "  `<logicalname>_<n>.json`, numbered from 1 without padding (so `_10` sorts before `_2`): " +
            (Object.entries(LOGICAL_NAMES) as [EntitySet, string][])
              .map(([set, table]) => `\`${set}/\` → \`${table}/\``)
              .join(", ") +
            ".",
          "  `@odata.context` and `@odata.nextLink` still name the entity set, as the Web API does.",
        ];
      case "metadata-pages":
        return [
          `- \`metadata-pages\`: there is no \`${ENTITY_DEFINITIONS_FILE}\`; the metadata is in \`${ENTITY_DEFINITIONS_FOLDER}/page-0001.json\`, \`page-0002.json\`, …,`,
          `  ${METADATA_PAGE_SIZE} tables a page, each \`{"@odata.context", "value", "@odata.nextLink"}\` but the last without \`@odata.nextLink\`.`,
          `  It lists the standard tables ${codeList(describedTables({ allStandardTables: true, customColumns: false }).map((t) => t.logicalName))} (each with`,
          "  EntitySetName, its key, its primary name and its custom columns) and new_project, last.",
        ];
      case "custom-columns":
        return [
          `- \`custom-columns\`: the customer's own columns, publisher prefix \`${CUSTOM_PREFIX}\` (the sample's \`new_\` columns stay), after each row's`,
          "  own columns, null in some rows. DateTime DateOnly values are `YYYY-MM-DD`, DateAndTime UTC; Boolean a JSON boolean (Yes/No);",
          '  Picklist a code from 100000000; MultiSelectPicklist a string of codes `"100000000,100000002"` shown as `"A; C"`.',
          "  Rows without `_transactioncurrencyid_value` (contacts, leads, incidents) get it (EUR), as a table with a money column has it.",
          `  Only EntityDefinitions says what they are (AttributeType, Format, OptionSet; multi-select is AttributeType \`Virtual\` with`,
          "  AttributeTypeName `MultiSelectPicklistType`): it lists these tables beside new_project.",
          ...(Object.entries(CUSTOM_COLUMNS) as [CustomizedTable, (typeof CUSTOM_COLUMNS)[CustomizedTable]][]).map(
            ([table, columns]) =>
              `  ${this.folder(entitySetOf(table))}/: ${columns.map((c) => `\`${c.logicalName}\` (${c.type}${c.format ? ` ${c.format}` : ""})`).join(", ")};`,
          ),
        ];
      case "annotations-minimal":
        return [
          '- `annotations-minimal`: rows were read with `Prefer: odata.include-annotations="Microsoft.Dynamics.CRM.lookuplogicalname"`: no',
          "  `@OData.Community.Display.V1.FormattedValue` and no `@Microsoft.Dynamics.CRM.associatednavigationproperty` anywhere (option sets,",
          "  booleans, money, dates and lookups have no labels); lookups keep `@Microsoft.Dynamics.CRM.lookuplogicalname`.",
          "  Every page carries `@odata.count`, the table's row count, after `@odata.context`.",
        ];
      case "unselected":
        return [
          "- `unselected`: these columns were not in the `$select` and are absent from every row (and from `@odata.context`):",
          ...(Object.entries(UNSELECTED) as [EntitySet, readonly string[]][]).map(
            ([set, columns]) => `  ${this.folder(set)}/: ${codeList(columns)};`,
          ),
          "  Awkward cases above that live in an absent column are not in this export.",
        ];
      case "address-recipients":
        return [
          `- \`address-recipients\`: ${this.addressOnlyCount()} e-mail To/CC parties in ${this.folder("activityparties")}/ (beside the sample's one unresolved`,
          "  recipient) are only an address: `_partyid_value` null and no annotations, `addressused` an e-mail address. Every third",
          "  e-mail's customer recipient matched no record; every fourth, from the second, copies a shared mailbox of the customer (CC).",
        ];
    }
  }

  /** How many To/CC parties the variant made address-only, counted as the export writes them. */
  private addressOnlyCount(): number {
    let count = 0;
    for (let index = 0; index < this.model.counts.emails; index++) {
      const before = email(this.model, index).parties;
      const after = this.parties("email", index, before);
      const addressOnly = (parties: readonly Party[]) =>
        parties.filter((p) => p.party === null && (p.mask === PARTICIPATION.to || p.mask === PARTICIPATION.cc)).length;
      count += addressOnly(after) - addressOnly(before);
    }
    return count;
  }
}

function entitySetOf(table: string): EntitySet {
  return (Object.entries(LOGICAL_NAMES) as [EntitySet, string][]).find(([, name]) => name === table)![0];
}

/** The customer's mail domain on an e-mail: the domain of any party's address that is not Kestrel's own. */
function customerDomain(parties: readonly Party[]): string | undefined {
  const address = parties.find((p) => p.address !== null && !p.address.toLowerCase().endsWith(KESTREL_DOMAIN))?.address;
  return address?.split("@")[1];
}

function withoutColumns(row: ODataRow, columns: readonly string[]): ODataRow {
  const kept: ODataRow = {};
  for (const [name, value] of Object.entries(row)) {
    const column = name.split("@")[0]!;
    if (!columns.includes(column)) kept[name] = value;
  }
  return kept;
}

function withLookupNamesOnly(row: ODataRow): ODataRow {
  const kept: ODataRow = {};
  for (const [name, value] of Object.entries(row))
    if (!DROPPED_ANNOTATIONS.some((a) => name.endsWith(a))) kept[name] = value;
  return kept;
}
