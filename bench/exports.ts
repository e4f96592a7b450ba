// The benchmark's exports come from the same seeded SmartDesk generator as the sample export: a given seed
// and size always give the same bytes, so an export kept from an earlier run (--data) is reused as it is.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BASE_COUNTS } from "../examples/generators/smartdesk-model.js";
import { generateSmartDeskExport, type SmartDeskPart } from "../examples/generators/smartdesk.js";

/** The parts staging is measured on: companies and contacts, and the owners their owner lookup reads. */
export const STAGING_PARTS: readonly SmartDeskPart[] = ["owners.json", "companies.csv", "contacts.csv"];

export interface BenchExport {
  dir: string;
  seed: number;
  scale: number;
  /** records per written file */
  records: Record<string, number>;
  /** 0 when an earlier run's export was reused */
  generateSeconds: number;
}

const MARKER = "bench-export.json";

/** Contacts are the unit the benchmark counts in; scale 1 of the generator has 50 of them. */
export function scaleForContacts(contacts: number): number {
  const scale = contacts / BASE_COUNTS.contacts;
  if (!Number.isInteger(scale) || scale < 1)
    throw new RangeError(`${contacts} contacts is not a whole multiple of ${BASE_COUNTS.contacts}`);
  return scale;
}

export async function benchExport(
  dir: string,
  seed: number,
  scale: number,
  only?: readonly SmartDeskPart[],
): Promise<BenchExport> {
  const wanted = { seed, scale, only: only ?? "all" };
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const kept = JSON.parse(readFileSync(marker, "utf8")) as typeof wanted & { records: Record<string, number> };
    if (JSON.stringify({ seed: kept.seed, scale: kept.scale, only: kept.only }) === JSON.stringify(wanted)) {
      return { dir, seed, scale, records: kept.records, generateSeconds: 0 };
    }
  }
  const started = performance.now();
  const written = await generateSmartDeskExport({ outDir: dir, seed, scale, replace: true, ...(only ? { only } : {}) });
  const records = Object.fromEntries(
    written.filter((file) => file.records > 0).map((file) => [file.path, file.records]),
  );
  const generateSeconds = Math.round((performance.now() - started) / 100) / 10;
  writeFileSync(marker, `${JSON.stringify({ ...wanted, records }, null, 2)}\n`);
  return { dir, seed, scale, records, generateSeconds };
}
