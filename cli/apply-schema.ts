import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { refuseAnotherOdoo, writeConnection } from "../runtime/run/connection.js";
import { UsageError, output, type Command } from "./command.js";
import { requireCleanSpec } from "./guards.js";
import { exportFolder } from "./spec-files.js";
import { odooConnectionFromFlags, odooFlags, passwordFromEnvironment, runtimeErrorOutput } from "./odoo-flags.js";

const help = `mapc apply-schema SPEC --odoo URL --db NAME --user LOGIN [--source EXPORT] [--out RUNDIR]

Creates in the target Odoo what the spec declares: its custom models (with an access right for internal
users, without which nobody can use them), its custom x_ fields and its declared records. With --source,
also the x_ field of every custom property the export's metadata lists for a map that takes them
(\`custom properties prefix "x_…"\`): give the export you will run, since each customer's properties
differ. What already exists is left alone, so it can be run again. It is journaled in RUNDIR (default: out/run/<system>), so \`mapc rollback RUNDIR\`
removes it again. The password comes from MAPC_ODOO_PASSWORD. The customer's admin can instead create the
fields by hand from the custom-field manifest in the docs.`;

export const applySchemaCommand: Command = {
  name: "apply-schema",
  summary: "create the spec's custom models and x_ fields in the target Odoo",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { out: { type: "string" }, source: { type: "string" }, ...odooFlags },
      allowPositionals: true,
    });
    const compiled = requireCleanSpec(positionals, env);
    const connection = odooConnectionFromFlags(values);
    if (!connection) throw new UsageError("give the Odoo connection: --odoo URL --db NAME --user LOGIN");
    const takesProperties = compiled.plan.mappings.some((m) => m.customProperties);
    let specPlan = compiled.plan;
    if (values.source !== undefined) {
      const { surveyExport } = await import("../runtime/survey/index.js");
      specPlan = (await surveyExport(specPlan, exportFolder(values.source, env))).plan;
    }
    const plan = { ...specPlan, spec: { ...specPlan.spec, file: compiled.path } };
    const note =
      takesProperties && values.source === undefined
        ? "note: the spec takes the export's custom properties; give --source EXPORT to create their fields too\n"
        : "";
    const runDir = resolve(env.cwd, values.out ?? join("out", "run", plan.spec.system));
    try {
      const { XmlRpcTransport } = await import("../runtime/load/index.js");
      const { applySchema } = await import("../runtime/schema/index.js");
      const { openStaging, writePlan } = await import("../runtime/run/index.js");
      refuseAnotherOdoo(runDir, connection);
      const odoo = new XmlRpcTransport(connection, passwordFromEnvironment());
      await odoo.authenticate();
      mkdirSync(runDir, { recursive: true });
      writeConnection(runDir, connection);
      writePlan(runDir, plan);
      const store = openStaging(runDir);
      try {
        const changes = await applySchema(plan, odoo, store);
        const lines = changes.map((c) => `  ${c.status === "created" ? "created" : "exists "} ${c.kind} ${c.name}`);
        const created = changes.filter((c) => c.status === "created").length;
        return output(
          0,
          [`${created} created, ${changes.length - created} already there`, ...lines, ""].join("\n"),
          note,
        );
      } finally {
        store.close();
      }
    } catch (error) {
      return runtimeErrorOutput(error, ".");
    }
  },
};
