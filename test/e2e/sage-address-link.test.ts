// A Sage company or private person without a primary address id still gets its address: the spec falls back
// to its row in Address_Link (Business for a company, Home for a private person), as the format allows.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { runMigration } from "../../runtime/run/index.js";
import { useEndToEnd } from "../support/odoo-pair.js";
import { stagingRows } from "../support/staging-sql.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const plan = compileSpec(readFileSync(join(root, "specs/sage.mapspec"), "utf8"), "specs/sage.mapspec").plan;
const { work } = useEndToEnd("sage-address-link");

/** Empties one column of a Windows-1252 table: every cell of it becomes NULL (the awkward cells are elsewhere). */
function emptyColumn(file: string, column: string): void {
  const lines = readFileSync(file, "latin1").split("\r\n");
  const index = lines[0]!.split(",").indexOf(column);
  const emptied = lines.map((line, n) => {
    if (n === 0 || line === "") return line;
    const cells = line.split(",");
    // a quoted cell holding a comma shifts the split: such rows keep their id, which the checks below avoid
    if (cells[index] !== undefined && /^(\d+|NULL)$/.test(cells[index]!)) cells[index] = "NULL";
    return cells.join(",");
  });
  writeFileSync(file, emptied.join("\r\n"), "latin1");
}

async function addresses(exportDir: string, runDir: string): Promise<Record<string, string>> {
  expect((await runMigration(plan, { exportDir, runDir })).balanced).toBe(true);
  const rows = stagingRows<{ external_id: string; values_json: string }>(
    runDir,
    "SELECT external_id, values_json FROM records WHERE external_id IN ('mapc_sage.company_5', 'mapc_sage.person_10')",
  );
  return Object.fromEntries(
    rows.map((r) => {
      const v = JSON.parse(r.values_json) as Record<string, unknown>;
      return [r.external_id, [v["street"], v["city"], v["zip"], JSON.stringify(v["country_id"])].join(" / ")];
    }),
  );
}

describe("Sage addresses through Address_Link", () => {
  it("gives a company and a private person the same address without their primary address ids", async () => {
    const sample = await addresses(join(root, "examples/sage"), join(work, "sample-run"));
    const dir = join(work, "export");
    cpSync(join(root, "examples/sage"), dir, { recursive: true });
    emptyColumn(join(dir, "Company.csv"), "Comp_PrimaryAddressId");
    emptyColumn(join(dir, "Person.csv"), "Pers_PrimaryAddressId");
    const linked = await addresses(dir, join(work, "linked-run"));
    expect(Object.keys(sample)).toHaveLength(2);
    expect(sample["mapc_sage.company_5"]).toContain("Aarhus");
    expect(linked).toEqual(sample);
  });
});
