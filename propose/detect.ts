// What an export folder holds: its tables (a CSV file, a folder of OData pages, a series of HubSpot pages…),
// each with the format and reader settings a `source` needs, and the metadata files that list the
// customer's own properties. Nothing here reads rows: runtime/survey and runtime/extract do that.
import { open, readdir, readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { SourceFormat } from "../plan/types.js";
import { naturalCompare } from "../runtime/extract/export-paths.js";
import { singular, words } from "./similarity.js";

export interface DetectedTable {
  /** the table's name as the export spells it: `contacts`, `accounts`, `calls`, `email-templates` */
  table: string;
  /** the source object's name in the spec: `Contact`, `Account`, `Call`, `EmailTemplate` */
  object: string;
  format: SourceFormat;
  /** the source path: `contacts.csv`, `accounts/*.json`, `engagements/calls-*.json` */
  path: string;
  files: string[];
  /** reader settings the spec should state: encoding and delimiter of a CSV file */
  settings: { encoding?: string; delimiter?: string };
  /** what was seen, for the comment above the source: "UTF-8 with a byte order mark, ',' between cells" */
  seen: string;
}

export interface DetectedMetadata {
  format: "hubspot" | "dataverse";
  /** the metadata file, or the pattern of its pages */
  path: string;
  /** HubSpot: the object types it lists (`contacts`, `deals`); Dataverse: logical name → entity set name */
  objects: Map<string, string>;
}

export interface DetectedExport {
  dir: string;
  tables: DetectedTable[];
  metadata: DetectedMetadata[];
  /** files that are neither a table nor metadata (attachments, READMEs), with why */
  ignored: Array<{ file: string; why: string }>;
}

interface FileKind {
  file: string;
  kind: "table" | "metadata" | "ignored";
  format?: SourceFormat;
  metadata?: DetectedMetadata;
  why?: string;
}

const CSV_EXTENSIONS = new Set([".csv", ".tsv"]);
const JSONL_EXTENSIONS = new Set([".jsonl", ".ndjson"]);

export async function detectExport(dir: string): Promise<DetectedExport> {
  const files = await listFiles(dir);
  const kinds: FileKind[] = [];
  for (const file of files) kinds.push(await classify(dir, file));
  const tables = await groupTables(
    dir,
    kinds.filter((k) => k.kind === "table"),
  );
  const metadata = mergeMetadata(kinds.filter((k) => k.kind === "metadata").map((k) => k.metadata!));
  const ignored = kinds.filter((k) => k.kind === "ignored").map((k) => ({ file: k.file, why: k.why ?? "not a table" }));
  uniqueObjectNames(tables);
  return { dir, tables, metadata, ignored };
}

/** Every file below dir, relative with `/`, dotfiles and symlinks left out, in natural order. */
async function listFiles(dir: string, prefix = "", depth = 0): Promise<string[]> {
  if (depth > 4) return [];
  const found: string[] = [];
  const entries = await readdir(join(dir, prefix), { withFileTypes: true });
  for (const entry of entries.sort((a, b) => naturalCompare(a.name, b.name))) {
    if (entry.name.startsWith(".")) continue;
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(dir, path, depth + 1)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

async function classify(dir: string, file: string): Promise<FileKind> {
  const extension = extname(file).toLowerCase();
  if (CSV_EXTENSIONS.has(extension)) return { file, kind: "table", format: "csv" };
  if (JSONL_EXTENSIONS.has(extension)) return { file, kind: "table", format: "jsonl" };
  if (extension !== ".json")
    return {
      file,
      kind: "ignored",
      why: extension === ".md" ? "documentation" : "not a table (an attachment, or a format mapc does not read)",
    };
  let value: unknown;
  try {
    value = JSON.parse((await readFile(join(dir, file), "utf8")).replace(/^\uFEFF/, ""));
  } catch (error) {
    return { file, kind: "ignored", why: `not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  return classifyJson(file, value);
}

function classifyJson(file: string, value: unknown): FileKind {
  if (Array.isArray(value)) {
    return value.length === 0 || value.some(isObject)
      ? { file, kind: "table", format: "json" }
      : { file, kind: "ignored", why: "a JSON array of plain values" };
  }
  if (!isObject(value)) return { file, kind: "ignored", why: "a JSON value that holds no records" };
  const rows = value["value"];
  if (Array.isArray(rows)) {
    if (
      rows.some((row) => isObject(row) && typeof row["LogicalName"] === "string" && Array.isArray(row["Attributes"]))
    ) {
      const objects = new Map<string, string>();
      for (const row of rows.filter(isObject)) {
        if (typeof row["LogicalName"] === "string")
          objects.set(
            row["LogicalName"],
            typeof row["EntitySetName"] === "string" ? row["EntitySetName"] : `${row["LogicalName"]}s`,
          );
      }
      return { file, kind: "metadata", metadata: { format: "dataverse", path: file, objects } };
    }
    return { file, kind: "table", format: "odata" };
  }
  if (Array.isArray(value["results"])) {
    const results = value["results"];
    if (results.length > 0 && results.every(isPropertyDefinition)) {
      const object = typeof value["objectType"] === "string" ? value["objectType"] : basename(file, ".json");
      return {
        file,
        kind: "metadata",
        metadata: { format: "hubspot", path: file, objects: new Map([[object, object]]) },
      };
    }
    return { file, kind: "table", format: "hubspot" };
  }
  if (Array.isArray(value["data"]) && ("links" in value || "meta" in value))
    return { file, kind: "table", format: "laravel" };
  const lists = Object.entries(value).filter(([, v]) => Array.isArray(v));
  if (
    lists.length > 0 &&
    lists.every(([, v]) => (v as unknown[]).length > 0 && (v as unknown[]).every(isPropertyDefinition))
  ) {
    return {
      file,
      kind: "metadata",
      metadata: { format: "hubspot", path: file, objects: new Map(lists.map(([k]) => [k, k])) },
    };
  }
  return { file, kind: "ignored", why: "a JSON object without a records array (value, results, data)" };
}

function isPropertyDefinition(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value["name"] === "string" &&
    "label" in value &&
    ("hubspotDefined" in value || "fieldType" in value)
  );
}

function mergeMetadata(found: DetectedMetadata[]): DetectedMetadata[] {
  // Dataverse metadata may come in pages (EntityDefinitions/page-1.json …): one entry with a pattern.
  const merged: DetectedMetadata[] = [];
  for (const item of found) {
    const folder = item.path.includes("/") ? item.path.slice(0, item.path.lastIndexOf("/")) : "";
    const same = merged.find((m) => m.format === item.format && folder !== "" && m.path.startsWith(`${folder}/`));
    if (same) {
      same.path = `${folder}/*.json`;
      for (const [k, v] of item.objects) same.objects.set(k, v);
    } else {
      merged.push({ ...item, objects: new Map(item.objects) });
    }
  }
  return merged;
}

/**
 * Files of one table: the pages of one folder (`accounts/page-0001.json` … → `accounts/*.json`), a numbered
 * series (`engagements/calls-1.json`, `calls-2.json` → `engagements/calls-*.json`), or one file alone.
 */
async function groupTables(dir: string, files: FileKind[]): Promise<DetectedTable[]> {
  const groups = new Map<
    string,
    { folder: string; stem: string; numbered: boolean; format: SourceFormat; extension: string; files: string[] }
  >();
  for (const file of files) {
    const slash = file.file.lastIndexOf("/");
    const folder = slash < 0 ? "" : file.file.slice(0, slash);
    const name = file.file.slice(slash + 1);
    const extension = extname(name);
    const base = name.slice(0, name.length - extension.length);
    const numbered = /^(.*?[-_ .]?)\d+$/.exec(base);
    const stem = numbered ? numbered[1]! : base;
    const key = `${folder}\0${stem}\0${file.format}\0${extension}`;
    const group = groups.get(key) ?? { folder, stem, numbered: false, format: file.format!, extension, files: [] };
    group.numbered ||= Boolean(numbered) && numbered![1] !== "";
    group.files.push(file.file);
    groups.set(key, group);
  }
  const tables: DetectedTable[] = [];
  for (const group of groups.values()) {
    const alone = group.folder !== "" && [...groups.values()].filter((g) => g.folder === group.folder).length === 1;
    const genericStem = /^(page|part|chunk|batch|file|export|data)?[-_ .]*$/i.test(group.stem);
    let table: string;
    let path: string;
    if (alone && (genericStem || group.files.length > 1)) {
      table = group.folder.slice(group.folder.lastIndexOf("/") + 1);
      path = `${group.folder}/*${group.extension}`;
    } else {
      table = group.stem.replace(/[-_ .]+$/, "") || basename(group.files[0]!, group.extension);
      const prefix = group.folder ? `${group.folder}/` : "";
      path = group.numbered ? `${prefix}${group.stem}*${group.extension}` : group.files[0]!;
      if (!group.numbered && group.files.length > 1) path = group.files[0]!;
    }
    const detected =
      group.format === "csv"
        ? await csvSettings(dir, group.files[0]!)
        : { settings: {}, seen: describeJson(group.format, group.files.length) };
    tables.push({ table, object: objectName(table), format: group.format, path, files: group.files, ...detected });
  }
  return tables.sort((a, b) => naturalCompare(a.path, b.path));
}

function describeJson(format: SourceFormat, pages: number): string {
  const what: Record<SourceFormat, string> = {
    csv: "CSV",
    json: "a JSON array of records",
    jsonl: "JSON Lines",
    odata: "Dataverse OData pages (value, @odata.nextLink)",
    hubspot: "HubSpot API pages (results, paging)",
    laravel: "Laravel API pages (data, links, meta)",
  };
  return pages > 1 ? `${what[format]}, ${pages} files` : what[format];
}

/** `contacts` → `Contact`, `email-templates` → `EmailTemplate`, `new_projects` → `NewProject` */
export function objectName(table: string): string {
  const parts = words(table);
  if (parts.length === 0) return "Table";
  parts[parts.length - 1] = singular(parts[parts.length - 1]!);
  const name = parts.map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("");
  return /^[A-Za-z]/.test(name) ? name : `T${name}`;
}

function uniqueObjectNames(tables: DetectedTable[]): void {
  const seen = new Map<string, number>();
  for (const table of tables) {
    const count = seen.get(table.object) ?? 0;
    seen.set(table.object, count + 1);
    if (count > 0) table.object = `${table.object}${count + 1}`;
  }
}

// ── CSV: encoding and delimiter, read off the first bytes ─────────────────────────────────────────────

const SAMPLE_BYTES = 1 << 20;

async function csvSettings(dir: string, file: string): Promise<{ settings: DetectedTable["settings"]; seen: string }> {
  const handle = await open(join(dir, file), "r");
  let bytes: Buffer;
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    bytes = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const { encoding, seen: encodingSeen, text } = detectEncoding(bytes);
  const delimiter = detectDelimiter(text);
  const delimiterName = delimiter === "\t" ? "tab" : delimiter;
  const settings: DetectedTable["settings"] = { encoding };
  if (delimiter !== ",") settings.delimiter = delimiterName;
  return { settings, seen: `${encodingSeen}, ${JSON.stringify(delimiterName)} between cells` };
}

export function detectEncoding(bytes: Buffer): { encoding: string; seen: string; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return {
      encoding: "utf-8",
      seen: "UTF-8 with a byte order mark",
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
    };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      encoding: "utf-16le",
      seen: "UTF-16 (little-endian byte order mark)",
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      encoding: "utf-16be",
      seen: "UTF-16 (big-endian byte order mark)",
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
    };
  try {
    // stream: a sample cut inside a character is not an error
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return { encoding: "utf-8", seen: /[^\x00-\x7f]/.test(text) ? "UTF-8" : "UTF-8 (plain ASCII so far)", text };
  } catch {
    return {
      encoding: "windows-1252",
      seen: "not UTF-8: read as Windows-1252",
      // stream: decoded in one call, Node 20 reads 0x80–0x9F as Latin-1 controls (nodejs/node#56542)
      text: new TextDecoder("windows-1252").decode(bytes, { stream: true }),
    };
  }
}

/** The candidate that splits the header line (outside quotes) most often: `,`, `;`, tab or `|`. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
    ["|", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [char, count] of counts) if (count > counts.get(best)!) best = char;
  return best;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The files that are no table, one line per folder: "not tables: 5 files under files/ (attachments …)". */
export function ignoredNotes(detected: DetectedExport): string[] {
  const byFolder = new Map<string, Array<{ file: string; why: string }>>();
  for (const item of detected.ignored) {
    if (item.why === "documentation") continue;
    const folder = item.file.includes("/") ? item.file.slice(0, item.file.lastIndexOf("/") + 1) : "";
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), item]);
  }
  return [...byFolder].flatMap(([folder, items]) =>
    items.length > 2 && folder !== ""
      ? [`not tables: ${items.length} files under ${folder} (${items[0]!.why})`]
      : items.map((i) => `not a table: ${i.file} (${i.why})`),
  );
}
