// A file or folder of the export whose name is close to the one a spec names: `account/` for `accounts/`,
// `engagements/calls_*.json` for `engagements/calls-*.json`. Only a hint: the spec decides.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function nearExportPath(exportDir: string, path: string): string | undefined {
  const segments = path.replace(/\\/g, "/").split("/");
  const found: string[] = [];
  for (const [index, segment] of segments.entries()) {
    const names = entries(join(exportDir, ...found));
    if (names.includes(segment)) {
      found.push(segment);
      continue;
    }
    const last = index === segments.length - 1;
    const match = segment.includes("*") && last ? nearPattern(segment, names) : nearName(segment, names);
    if (!match) return undefined;
    found.push(match);
  }
  return found.join("/");
}

function entries(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function stem(name: string): string {
  return name
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, "")
    .replace(/[^a-z0-9]+/g, "");
}

// `accounts` ↔ `account`, `EntityDefinitions.json` ↔ `EntityDefinitions`: the same stem but for a plural or an extension.
function nearName(segment: string, names: readonly string[]): string | undefined {
  const wanted = stem(segment).replace(/s$/, "");
  return names.find((name) => stem(name).replace(/s$/, "") === wanted);
}

// `calls-*.json` ↔ `calls_0001.json`: the text before the `*`, separators aside, and the extension.
function nearPattern(pattern: string, names: readonly string[]): string | undefined {
  const [head = "", tail = ""] = pattern.split("*");
  const prefix = head.replace(/[^A-Za-z0-9]+$/, "");
  const extension = tail.match(/\.[A-Za-z0-9]+$/)?.[0] ?? "";
  const matches = names.filter((name) => name.startsWith(prefix) && name.endsWith(extension));
  return matches.length > 0 ? `${prefix}*${extension}` : undefined;
}
