// The plan as `mapc build` writes it, made runnable outside vitest: the generated TypeScript is written to
// bench/.generated/ and compiled beside it to JavaScript that imports the runtime from dist/.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { generateTypeScript } from "../compiler/build/index.js";
import type { TransformPlan } from "../plan/types.js";

/** dist/runtime/index.js, seen from this compiled file (dist/bench/generated-code.js). */
export const RUNTIME_INDEX = fileURLToPath(new URL("../runtime/index.js", import.meta.url));

/** Writes `<system>.plan.ts` and `<system>.plan.js` into `dir`; returns the .js file. */
export function writeGeneratedCode(plan: TransformPlan, dir: string, runtimeIndex = RUNTIME_INDEX): string {
  mkdirSync(dir, { recursive: true });
  let runtimeImport = relative(dir, runtimeIndex).split("\\").join("/");
  if (!runtimeImport.startsWith(".")) runtimeImport = `./${runtimeImport}`;
  const source = generateTypeScript(plan, { runtimeImport });
  const name = `${plan.spec.system}.plan`;
  writeFileSync(join(dir, `${name}.ts`), source);
  // Only types are stripped (type-only imports included); the code runs as it was generated.
  const output = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
    fileName: `${name}.ts`,
  });
  const file = join(dir, `${name}.js`);
  writeFileSync(file, output.outputText);
  return file;
}
