// How Concord CRM's REST API pages a resource, as the dump saved it: one folder per resource, one file per
// page, each a Laravel paginator envelope
// `{"data": [...], "links": {"first", "last", "prev", "next"}, "meta": {"current_page", "last_page", "per_page",
// "total", "from", "to", "path"}}`. The number of rows is known before the first is written, so each page goes
// to disk complete, with its links and meta, as soon as it is full.
import { join } from "node:path";
import { writeJsonFile, type WrittenFile } from "./export-files.js";

/** The installation's address: links are `https://crm.example.com/api/contacts?page=2`. */
export const APP_URL = "https://crm.example.com";

/** The resources of an export, in the order they are written: configuration, then records, then what points at them. */
export const CONCORD_RESOURCES = [
  "users",
  "pipelines",
  "activity-types",
  "tags",
  "custom-fields",
  "products",
  "companies",
  "contacts",
  "deals",
  "activities",
  "notes",
  "emails",
  "media",
  "workflows",
] as const;

export type Resource = (typeof CONCORD_RESOURCES)[number];

/** A JSON value as a row holds it. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonRow = { [key: string]: Json };

/** Where the pages of a resource go and how many rows each holds. */
export interface PageLayout {
  perPage: number;
  /** The folder of a resource, relative to the export folder. */
  folder(resource: Resource): string;
  /** The file name of page `page` (from 1). */
  file(page: number): string;
}

/** The sample's layout: 100 rows a page (the API's maximum), `contacts/page-1.json`, `page-2.json`, …. */
export const API_PAGES: PageLayout = {
  perPage: 100,
  folder: (resource) => resource,
  file: (page) => `page-${page}.json`,
};

/** The pages of one resource, written as rows arrive; `total` rows must arrive before `close()`. */
export class ResourcePages {
  private pending: JsonRow[] = [];
  private readonly written: WrittenFile[] = [];
  private readonly lastPage: number;

  constructor(
    private readonly outDir: string,
    private readonly resource: Resource,
    private readonly total: number,
    private readonly layout: PageLayout = API_PAGES,
  ) {
    // An empty resource still answers with one page, whose `data` is empty.
    this.lastPage = Math.max(1, Math.ceil(total / layout.perPage));
  }

  async add(row: JsonRow): Promise<void> {
    this.pending.push(row);
    if (this.pending.length === this.layout.perPage) await this.flush();
  }

  /** Writes the last page and lists every page written. */
  async close(): Promise<WrittenFile[]> {
    if (this.pending.length > 0 || this.written.length === 0) await this.flush();
    const rows = this.written.reduce((n, w) => n + w.records, 0);
    if (rows !== this.total) throw new Error(`${this.resource}: ${rows} rows written, ${this.total} announced`);
    return this.written;
  }

  private async flush(): Promise<void> {
    const page = this.written.length + 1;
    const path = `${APP_URL}/api/${this.resource}`;
    const url = (n: number) => `${path}?page=${n}`;
    const from = (page - 1) * this.layout.perPage + 1;
    const count = this.pending.length;
    const body = {
      data: this.pending,
      links: {
        first: url(1),
        last: url(this.lastPage),
        prev: page > 1 ? url(page - 1) : null,
        next: page < this.lastPage ? url(page + 1) : null,
      },
      meta: {
        current_page: page,
        last_page: this.lastPage,
        per_page: this.layout.perPage,
        total: this.total,
        from: count > 0 ? from : null,
        to: count > 0 ? from + count - 1 : null,
        path,
      },
    };
    const file = `${this.layout.folder(this.resource)}/${this.layout.file(page)}`;
    await writeJsonFile(join(this.outDir, file), body);
    this.written.push({ path: file, records: count });
    this.pending = [];
  }
}
