// How the Dataverse Web API writes a table: rows whose values carry their annotations (formatted value,
// lookup target), and pages of `{"@odata.context", "value", "@odata.nextLink"}` that chain through a
// `$skiptoken` paging cookie. The export asked for `Prefer: odata.include-annotations="*"` and
// `odata.maxpagesize=25`, as a user whose formats are English (United States) and whose time zone is UTC.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeJsonFile, type WrittenFile } from "./export-files.js";
import type { Random } from "./random.js";

export const ORG_URL = "https://kestrel.crm4.dynamics.com";
export const API_ROOT = `${ORG_URL}/api/data/v9.2`;

/** Rows per page; most tables of the scale-1 sample fill one page and part of a second. */
export const PAGE_SIZE = 25;

const FORMATTED = "OData.Community.Display.V1.FormattedValue";
const NAVIGATION = "Microsoft.Dynamics.CRM.associatednavigationproperty";
const LOGICAL_NAME = "Microsoft.Dynamics.CRM.lookuplogicalname";

export type Scalar = string | number | boolean | null;
export type ODataRow = Record<string, Scalar>;

/** A column's value with the annotations Dataverse writes just before it (`name@annotation`). */
export interface Cell {
  value: Scalar;
  annotations?: Readonly<Record<string, string>>;
}

/** A lookup's target: the row it points to, that row's table (logical name) and primary name. */
export interface RecordRef {
  id: string;
  table: string;
  name: string | null;
}

/** An option set: code → label. */
export type OptionSet = Readonly<Record<number, string>>;

export interface Currency {
  id: string;
  isoCode: "EUR" | "USD";
  symbol: string;
  name: string;
}

/** A Dataverse-made GUID: lower-case, with the `-ee11-`-style version group and the `000d3a` node of Azure hosts. */
export function dataverseGuid(rng: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 16).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-${rng.pick(["ed11", "ee11", "ef11"])}-${rng.pick(["8", "9", "a", "b"])}${hex(3)}-000d3a${hex(6)}`;
}

export function row(versionNumber: number, columns: readonly (readonly [string, Cell])[]): ODataRow {
  const built: ODataRow = { "@odata.etag": `W/"${versionNumber}"` };
  for (const [name, cell] of columns) {
    for (const [annotation, value] of Object.entries(cell.annotations ?? {})) built[`${name}@${annotation}`] = value;
    built[name] = cell.value;
  }
  return built;
}

/** Text, GUIDs and logical names: no annotation; "" is written as null, as Dataverse stores no empty strings. */
export function text(value: string | null | undefined): Cell {
  return { value: value === undefined || value === "" ? null : value };
}

export function choice(options: OptionSet, code: number | null): Cell {
  if (code === null) return { value: null };
  const label = options[code];
  if (label === undefined) throw new RangeError(`option ${code} is not in the option set`);
  return labelled(code, label);
}

export function yesNo(value: boolean, labels: readonly [no: string, yes: string] = ["No", "Yes"]): Cell {
  return labelled(value, labels[value ? 1 : 0]);
}

export function whole(value: number | null): Cell {
  return value === null ? { value: null } : labelled(value, grouped(value, 0));
}

export function decimal(value: number | null, places: number): Cell {
  return value === null ? { value: null } : labelled(value, grouped(value, places));
}

export function money(amount: number | null, currency: Currency): Cell {
  if (amount === null) return { value: null };
  const sign = amount < 0 ? "-" : "";
  return labelled(amount, `${sign}${currency.symbol}${grouped(Math.abs(amount), 2)}`);
}

/** `2024-03-05T14:00:00Z`, shown as `3/5/2024 2:00 PM`. */
export function dateTime(at: number | undefined): Cell {
  if (at === undefined) return { value: null };
  const d = new Date(at);
  const hours = d.getUTCHours();
  const clock = `${hours % 12 === 0 ? 12 : hours % 12}:${pad(d.getUTCMinutes())} ${hours < 12 ? "AM" : "PM"}`;
  return labelled(
    `${isoDate(at)}T${pad(hours)}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`,
    `${usDate(at)} ${clock}`,
  );
}

/** Date-only columns: `1982-05-14`, shown as `5/14/1982`. */
export function dateOnly(at: number | undefined): Cell {
  return at === undefined ? { value: null } : labelled(isoDate(at), usDate(at));
}

/**
 * A lookup column `_<name>_value`. The navigation property is the lookup's own name, or for a lookup that
 * can point at several tables (customer, regarding, party) the name plus the target table.
 */
export function lookup(ref: RecordRef | null | undefined, navigation: string | ((table: string) => string)): Cell {
  if (!ref) return { value: null };
  const annotations: Record<string, string> = {};
  if (ref.name !== null) annotations[FORMATTED] = ref.name;
  annotations[NAVIGATION] = typeof navigation === "string" ? navigation : navigation(ref.table);
  annotations[LOGICAL_NAME] = ref.table;
  return { value: ref.id, annotations };
}

/**
 * A lookup the Web API writes with its target table only, no formatted value or navigation property:
 * `_owninguser_value` is read this way.
 */
export function bareLookup(ref: RecordRef | null): Cell {
  return ref ? { value: ref.id, annotations: { [LOGICAL_NAME]: ref.table } } : { value: null };
}

/** A value shown with a label: option sets, two-option columns, and entity names such as objecttypecode. */
export function labelled(value: Scalar, label: string): Cell {
  return { value, annotations: { [FORMATTED]: label } };
}

const pad = (n: number) => String(n).padStart(2, "0");

export function isoDate(at: number): string {
  const d = new Date(at);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function usDate(at: number): string {
  const d = new Date(at);
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`;
}

/** `1,250,000.00`: en-US grouping, written out by hand so no ICU version can change the bytes. */
function grouped(value: number, places: number): string {
  const [whole, fraction] = value.toFixed(places).split(".");
  const sign = whole!.startsWith("-") ? "-" : "";
  const digits = sign ? whole!.slice(1) : whole!;
  const groups = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? `${sign}${groups}` : `${sign}${groups}.${fraction}`;
}

/** Where the pages of an entity set go, and what a page carries besides its rows. */
export interface PageLayout {
  /** Page `page` (from 1) of `entitySet`, relative to the export folder, with "/" separators. */
  path(entitySet: string, page: number): string;
  /** Every page carries `@odata.count`, the table's row count, as a request with `$count=true` gets it. */
  count: boolean;
}

/** The sample's layout: a folder per entity set, `accounts/page-0001.json`, no counts. */
export const ENTITY_SET_PAGES: PageLayout = {
  path: (entitySet, page) => `${entitySet}/page-${String(page).padStart(4, "0")}.json`,
  count: false,
};

/**
 * The pages of one entity set, written as rows arrive: a page goes to disk when the next row shows that
 * another page follows (so it gets its `@odata.nextLink`), and the last page on `close()`.
 */
export class EntitySetPages {
  private pending: ODataRow[] = [];
  private select: string[] | undefined;
  private readonly written: WrittenFile[] = [];

  constructor(
    private readonly outDir: string,
    readonly entitySet: string,
    /** The primary id attribute, which the paging cookie names. */
    private readonly key: string,
    private readonly layout: PageLayout = ENTITY_SET_PAGES,
  ) {}

  async add(values: ODataRow): Promise<void> {
    this.select ??= Object.keys(values).filter((name) => !name.includes("@"));
    if (this.pending.length === PAGE_SIZE) await this.flush(true);
    this.pending.push(values);
  }

  /** Writes the last page (an empty `value` for an empty table) and lists every page written. */
  async close(): Promise<WrittenFile[]> {
    await this.flush(false);
    if (this.layout.count) await this.addCounts();
    return this.written;
  }

  private async flush(more: boolean): Promise<void> {
    const page = this.written.length + 1;
    const select = this.select ?? [];
    const body: Record<string, unknown> = {
      "@odata.context": `${API_ROOT}/$metadata#${this.entitySet}(${select.join(",")})`,
      value: this.pending,
    };
    if (more) {
      const ids = this.pending.map((r) => String(r[this.key]));
      const count = this.layout.count ? "&$count=true" : "";
      body["@odata.nextLink"] =
        `${API_ROOT}/${this.entitySet}?$select=${select.join(",")}${count}&$skiptoken=${skipToken(page + 1, this.key, ids.at(-1)!, ids[0]!)}`;
    }
    const path = this.layout.path(this.entitySet, page);
    await writeJsonFile(join(this.outDir, path), body);
    this.written.push({ path, records: this.pending.length });
    this.pending = [];
  }

  /**
   * Puts the table's row count on every page, after `@odata.context` where Dataverse writes it. The count
   * is known only once the last row is in, so the pages are read back and rewritten one at a time.
   */
  private async addCounts(): Promise<void> {
    const count = this.written.reduce((n, w) => n + w.records, 0);
    for (const { path } of this.written) {
      const file = join(this.outDir, path);
      const { "@odata.context": context, ...rest } = JSON.parse(await readFile(file, "utf8")) as Record<
        string,
        unknown
      >;
      await writeJsonFile(file, { "@odata.context": context, "@odata.count": count, ...rest });
    }
  }
}

/**
 * Dataverse's paging cookie: `<cookie pagenumber="2" pagingcookie="…" istracking="False" />`, where the inner
 * cookie names the first and last key of the page just read, is URL-encoded once more than the rest.
 */
function skipToken(nextPage: number, key: string, last: string, first: string): string {
  const braced = (id: string) => `{${id.toUpperCase()}}`;
  const inner = `<cookie page="${nextPage - 1}"><${key} last="${braced(last)}" first="${braced(first)}" /></cookie>`;
  const encodedInner = inner.replace(/[<>"= {}/]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
  const cookie = `<cookie pagenumber="${nextPage}" pagingcookie="${encodedInner}" istracking="False" />`;
  return cookie.replace(/[%<>" ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}
