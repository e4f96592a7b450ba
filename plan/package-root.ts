// Data files (catalogs, schemas, templates) are not compiled: the same walk finds them from the TypeScript
// sources (vitest) and from dist/, because both sit below the directory whose package.json is named "mapc".

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const roots = new Map<string, string>();

/** The nearest directory at or above `from` (default: this module's directory) whose package.json is named "mapc". */
export function packageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  const cached = roots.get(from);
  if (cached) return cached;
  for (let dir = from; ; dir = dirname(dir)) {
    if (isMapcManifest(join(dir, "package.json"))) {
      roots.set(from, dir);
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json named "mapc" at or above ${from}`);
  }
}

function isMapcManifest(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    return (JSON.parse(readFileSync(path, "utf8")) as { name?: unknown }).name === "mapc";
  } catch {
    return false;
  }
}
