// Paths inside the export folder. Every path a spec or an export names (a source file, a `*` page pattern,
// a Library file path from Sage, a `file` cell) goes through resolveExportPath, so nothing outside the
// folder is read, and nothing is read through a symlink.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
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

/**
 * The absolute path of `relativePath` inside `exportDir`; `\` separators are accepted. Throws
 * ExportPathError for a path that leaves the folder or passes through a symlink inside it.
 */
export function resolveExportPath(exportDir: string, relativePath: string): string {
  return resolveInside(exportDir, relativePath, relativePath, linkInPath);
}

/** How a refusal names the symlink it met: `linkSegments` is the path of the link inside the export. */
type LinkSubject = (linkSegments: readonly string[], isWholePath: boolean) => string;

/** Within the path the user wrote: `it is a symlink`, `its folder "Library/elsewhere" is a symlink`. */
const linkInPath: LinkSubject = (linkSegments, isWholePath) =>
  isWholePath ? "it is a symlink" : `its folder "${linkSegments.join("/")}" is a symlink`;

/** For a `*` match, which the refusal reports under its pattern: the link by its own path. */
const linkByName: LinkSubject = (linkSegments) => `"${linkSegments.join("/")}" is a symlink`;

function resolveInside(exportDir: string, relativePath: string, refusedPath: string, subject: LinkSubject): string {
  const segments = exportPathSegments(relativePath);
  const root = resolve(exportDir);
  refuseSymlinks(root, segments, refusedPath, subject);
  return join(root, ...segments);
}

/** A path `*` matched, refused (if it is) under the pattern the spec wrote, naming the match. */
function resolveMatch(exportDir: string, pattern: string, relative: string): string {
  return resolveInside(exportDir, relative, pattern, linkByName);
}

// O_NOFOLLOW: should the file have been swapped for a symlink since resolveExportPath looked, the open
// fails instead of following it. Windows has no such flag; there the check alone stands.
const OPEN_NO_FOLLOW = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

/** The bytes of a file of the export, read only through a path resolveExportPath accepts. */
export async function readExportFile(exportDir: string, relativePath: string): Promise<Buffer> {
  const absolute = resolveExportPath(exportDir, relativePath);
  const handle = await open(absolute, OPEN_NO_FOLLOW).catch((error: unknown) => {
    throw swappedForLink(error, relativePath);
  });
  try {
    refuseNonFile(await handle.stat(), relativePath);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** readExportFile for callers that read one file at a time in a synchronous pass (the loader's cells). */
export function readExportFileSync(exportDir: string, relativePath: string): Buffer {
  const absolute = resolveExportPath(exportDir, relativePath);
  let fd: number;
  try {
    fd = openSync(absolute, OPEN_NO_FOLLOW);
  } catch (error) {
    throw swappedForLink(error, relativePath);
  }
  try {
    refuseNonFile(fstatSync(fd), relativePath);
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** ELOOP from an O_NOFOLLOW open means the file is a symlink (now); any other error passes as it is. */
function swappedForLink(error: unknown, relativePath: string): unknown {
  return errorCode(error) === "ELOOP"
    ? new ExportPathError(relativePath, "it is a symlink; no file is read through a symlink")
    : error;
}

function refuseNonFile(stats: Stats, relativePath: string): void {
  if (!stats.isFile()) throw new ExportPathError(relativePath, "it is not a regular file");
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

// No symlink is followed, whether it points out of the folder or back into it: where a link points is
// the export's to change, even between this check and the read, and a link inside today may lead outside
// tomorrow. `..` is folded away before this walk, so a path with no link on the way cannot leave the
// folder. The folder itself may be reached through links (a user's /tmp → /private/tmp): only the
// segments inside it are checked.
function refuseSymlinks(root: string, segments: readonly string[], refusedPath: string, subject: LinkSubject): void {
  let current = root;
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    const stats = entryAt(current, refusedPath);
    // Nothing further exists, so nothing further can be followed; the read reports the missing file.
    if (!stats) return;
    if (stats.isSymbolicLink()) {
      const linkSegments = segments.slice(0, index + 1);
      const link = subject(linkSegments, index === segments.length - 1);
      throw new ExportPathError(
        refusedPath,
        `${link} ${linkDestination(root, join(root, ...linkSegments))}; no file is read through a symlink`,
      );
    }
  }
}

/** The entry itself (lstat, not following it), or undefined when there is none. */
function entryAt(absolute: string, relativePath: string): Stats | undefined {
  try {
    return lstatSync(absolute);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    // A path that cannot be checked is not read unchecked.
    throw new ExportPathError(relativePath, `it cannot be checked for symlinks (${code ?? String(error)})`);
  }
}

/** `to /x/secret.txt, outside the export folder`, for the refusal of a symlink. */
function linkDestination(root: string, link: string): string {
  let target: string;
  try {
    target = resolve(dirname(link), readlinkSync(link));
  } catch {
    return "whose target cannot be read";
  }
  let real: string;
  try {
    real = realpathSync(link);
  } catch {
    return `to ${target}, which does not exist`;
  }
  return `to ${target}, ${isInside(realpathSync(root), real) ? "inside" : "outside"} the export folder`;
}

function isInside(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string"
    ? error.code
    : undefined;
}

/**
 * The files a source path names: the path itself, or for a path holding `*` every match, in natural
 * order (page-2 before page-10). `*` matches within one path segment and not a leading dot.
 * Returns [] when nothing matches; throws ExportPathError for a refused path or match (a match that is
 * a symlink, or a folder on the way that is one, is refused rather than skipped: the export is not what
 * it seems, and silently reading fewer pages would lose records).
 */
export async function findExportFiles(exportDir: string, path: string): Promise<ExportFile[]> {
  const exact = await filesMatching(exportDir, path, false);
  // Exports made on Windows, whose file system ignores case, name files as the tool chose: `company.csv` or
  // `COMPANY.CSV` for a table called Company. Only when the name as written finds nothing.
  return exact.length > 0 ? exact : filesMatching(exportDir, path, true);
}

async function filesMatching(exportDir: string, path: string, ignoreCase: boolean): Promise<ExportFile[]> {
  const segments = exportPathSegments(path);
  if (!ignoreCase && !segments.some((s) => s.includes("*"))) {
    const absolute = resolveExportPath(exportDir, path);
    return (await isFile(absolute)) ? [{ relative: segments.join("/"), absolute }] : [];
  }
  let candidates = [""];
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    const next: string[] = [];
    for (const prefix of candidates) {
      const names =
        segment.includes("*") || ignoreCase ? await matchingNames(exportDir, prefix, segment, ignoreCase) : [segment];
      next.push(...names.map((name) => (prefix === "" ? name : `${prefix}/${name}`)));
    }
    candidates = last ? next : await foldersAmong(exportDir, path, next);
  }
  const files: ExportFile[] = [];
  for (const relative of candidates.sort(naturalCompare)) {
    const absolute = resolveMatch(exportDir, path, relative);
    if (await isFile(absolute)) files.push({ relative, absolute });
  }
  return files;
}

async function matchingNames(
  exportDir: string,
  prefix: string,
  pattern: string,
  ignoreCase: boolean,
): Promise<string[]> {
  const escaped = pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"));
  const matcher = new RegExp(`^${escaped.join("[^/]*")}$`, ignoreCase ? "i" : "");
  try {
    const entries = await readdir(join(resolve(exportDir), prefix));
    // Sorted so that, of several refused matches, the same one is reported on every file system.
    return entries
      .filter((name) => matcher.test(name) && !(name.startsWith(".") && !pattern.startsWith(".")))
      .sort(naturalCompare);
  } catch {
    return [];
  }
}

/** The candidates that are folders to look into; a symlink among them is refused (resolveMatch). */
async function foldersAmong(exportDir: string, pattern: string, candidates: readonly string[]): Promise<string[]> {
  const folders: string[] = [];
  for (const relative of candidates) {
    if (await isFolder(resolveMatch(exportDir, pattern, relative))) folders.push(relative);
  }
  return folders;
}

async function isFolder(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isDirectory();
  } catch {
    return false;
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
