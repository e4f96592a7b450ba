// Golden files: what the compiler emits is compared with the reviewed copy under test/baselines/.
// `npm run baselines:accept` (MAPC_ACCEPT_BASELINES=1) rewrites them after an intended change.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const baselineRoot = fileURLToPath(new URL("../baselines/", import.meta.url));

export function expectBaseline(relPath: string, actual: string): void {
  const file = join(baselineRoot, relPath);
  if (process.env["MAPC_ACCEPT_BASELINES"] === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`no baseline test/baselines/${relPath}: run \`npm run baselines:accept\` and review the new file`);
  }
  expect(
    actual,
    `differs from test/baselines/${relPath}; if the change is intended, run \`npm run baselines:accept\``,
  ).toBe(readFileSync(file, "utf8"));
}
