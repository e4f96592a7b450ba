import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { cstTypesText } from "../../grammar/generate-cst-types.js";

it("grammar/cst.d.ts is generated from the current grammar", () => {
  const committed = readFileSync(new URL("../../grammar/cst.d.ts", import.meta.url), "utf8");
  expect(committed, "stale: run `npm run build && node dist/grammar/generate-cst-types.js`").toBe(cstTypesText());
});
