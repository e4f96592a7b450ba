// Paths inside the export folder. Every path a spec or an export names (a source file, a `*` page pattern,
// a Library file path from Sage) goes through resolveExportPath, so nothing outside the folder is read.
import { existsSync, realpathSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { ExportFile } from "./types.js";

export class ExportPathError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`export path "${path}" is refused: ${reason}`);
    this.name = "ExportPathError";
  }
}

/** The absolute path of `relativePath` inside `exportDir`; `\` separators are accepted. */
export function resolveExportPath(exportDir: string, relativePath: string): string {
  const segments = exportPathSegments(relativePath);
  const root = resolve(exportDir);
  const target = join(root, ...segments);
  refuseSymlinkEscape(root, target, relativePath);
  return target;
}

export async function readExportFile(exportDir: string, relativePath: string): Promise<Buffer> {
  return readFile(resolveExportPath(exportDir, relativePath));
}

/** The segments of a relative export path, `.` and inner `..` folded away; throws if it leaves the folder. */
export function exportPathSegments(relativePath: string): string[] {
  if (relativePath.includes("\0")) throw new ExportPathError(relativePath, "it contains a NUL character");
  const unified = relativePath.replace(/\\/g, "/");
  if (unified.startsWith("/")) throw new ExportPathError(relativePath, "it is absolute");
  if (/^[A-Za-z]:/.test(unified)) throw new ExportPathError(relativePath, "it names a Windows drive");
  const segments: string[] = [];
  for (const segment of unified.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") {
      segments.push(segment);
    } else if (segments.pop() === undefined) {
      throw new ExportPathError(relativePath, "it leaves the export folder");
    }
  }
  if (segments.length === 0) throw new ExportPathError(relativePath, "it names no file");
  return segments;
}

// A symlink inside the export may point anywhere; compare real paths. For a path that does not exist
// (yet), its deepest existing ancestor is what a later read would follow.
function refuseSymlinkEscape(root: string, target: string, relativePath: string): void {
  if (!existsSync(root)) return;
  const realRoot = realpathSync(root);
  let existing = target;
  while (!existsSync(existing) && existing !== root) existing = dirname(existing);
  const real = realpathSync(existing);
  if (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
    throw new ExportPathError(relativePath, `it leads outside the export folder, to ${real}`);
  }
}

/**
 * The files a source path names: the path itself, or for a path holding `*` every match, in natural
 * order (page-2 before page-10). `*` matches within one path segment and not a leading dot.
 * Returns [] when nothing matches; throws ExportPathError for a refused path or match.
 */
export async function findExportFiles(exportDir: string, path: string): Promise<ExportFile[]> {
  const segments = exportPathSegments(path);
  if (!segments.some((s) => s.includes("*"))) {
    const absolute = resolveExportPath(exportDir, path);
    return (await isFile(absolute)) ? [{ relative: segments.join("/"), absolute }] : [];
  }
  let candidates = [""];
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const prefix of candidates) {
      const names = segment.includes("*") ? await matchingNames(exportDir, prefix, segment) : [segment];
      next.push(...names.map((name) => (prefix === "" ? name : `${prefix}/${name}`)));
    }
    candidates = last ? next : next.filter((relative) => existsSync(join(resolve(exportDir), relative)));
  }
  const files: ExportFile[] = [];
  for (const relative of candidates.sort(naturalCompare)) {
    const absolute = resolveExportPath(exportDir, relative);
    if (await isFile(absolute)) files.push({ relative, absolute });
  }
  return files;
}

async function matchingNames(exportDir: string, prefix: string, pattern: string): Promise<string[]> {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  const matcher = new RegExp(`^${escaped.join("[^/]*")}$`);
  try {
    const entries = await readdir(join(resolve(exportDir), prefix));
    return entries.filter((name) => matcher.test(name) && !(name.startsWith(".") && !pattern.startsWith(".")));
  } catch {
    return [];
  }
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isFile();
  } catch {
    return false;
  }
}

/** Compares runs of digits by value, everything else by code unit: page-2 < page-10 < page-10a. */
export function naturalCompare(a: string, b: string): number {
  const digits = /(\d+)/;
  const partsA = a.split(digits);
  const partsB = b.split(digits);
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const x = partsA[i]!;
    const y = partsB[i]!;
    if (x === y) continue;
    // split() with a capture group puts the digit runs at odd indexes
    if (i % 2 === 1) {
      const byValue = BigInt(x) < BigInt(y) ? -1 : BigInt(x) > BigInt(y) ? 1 : 0;
      return byValue || x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return partsA.length - partsB.length;
}
