import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { emitTypeScript, validatePlan } from "../compiler/index.js";
import { output, type Command } from "./command.js";
import { requireCleanSpec } from "./guards.js";
import { exportFolder } from "./spec-files.js";

const help = `mapc build SPEC [--out DIR] [--source EXPORT] [--runtime-import SPECIFIER]

Compiles a spec that checks clean into its TransformPlan (JSON, validated against the published
schema plan/plan.schema.json) and into readable, typed TypeScript that performs the plan's
transforms, with comments pointing back to the spec lines.

Options:
  --out DIR                   where to write (default: out/build/<system>)
  --source EXPORT             build the plan for this export: with the custom properties its metadata lists
                              (a spec's \`custom properties\` rules take them at run time otherwise)
  --runtime-import SPECIFIER  module the generated code imports its helpers from (default: mapc/runtime)`;

export const buildCommand: Command = {
  name: "build",
  summary: "emit the plan as JSON and as readable generated TypeScript",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, source: { type: "string" }, "runtime-import": { type: "string" } },
      allowPositionals: true,
    });
    const compiled = requireCleanSpec(positionals, env);
    let specPlan = compiled.plan;
    if (values.source !== undefined) {
      const { surveyExport } = await import("../runtime/survey/index.js");
      specPlan = (await surveyExport(specPlan, exportFolder(values.source, env))).plan;
    }
    const plan = { ...specPlan, spec: { ...specPlan.spec, file: compiled.path } };
    const problems = validatePlan(plan);
    if (problems.length > 0) {
      return output(
        1,
        "",
        `internal error: the plan does not match its schema; please report this:\n${problems.join("\n")}\n`,
      );
    }
    const system = plan.spec.system;
    const outDir = resolve(env.cwd, values.out ?? join("out", "build", system));
    mkdirSync(outDir, { recursive: true });
    const planFile = join(outDir, `${system}.plan.json`);
    const codeFile = join(outDir, `${system}.plan.ts`);
    writeFileSync(planFile, `${JSON.stringify(plan, null, 2)}\n`);
    const emitted = emitTypeScript(compiled, plan, { runtimeImport: values["runtime-import"] ?? "mapc/runtime" });
    writeFileSync(codeFile, emitted.code);
    const shown = (p: string) => relative(env.cwd, p) || p;
    return output(0, `wrote ${shown(planFile)}\nwrote ${shown(codeFile)}\n`);
  },
};
