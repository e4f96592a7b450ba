import { parseArgs } from "node:util";
import { output, type Command } from "./command.js";
import { passwordFromEnvironment, runtimeErrorOutput } from "./odoo-flags.js";
import { readRunFolder } from "./run-folder.js";
import { positiveInteger } from "./run.js";

const help = `mapc verify RUNDIR [--sample N] [--json]

Reads back from Odoo the records a run loaded (all of them, or N per map chosen deterministically) and
compares them field by field with what was staged. Takes the connection from RUNDIR/connection.json and
the password from MAPC_ODOO_PASSWORD. Writes RUNDIR/verify.json.

Exit code: 0 when every record is there with the staged values, 1 otherwise (the differences are listed).`;

export const verifyCommand: Command = {
  name: "verify",
  summary: "read loaded records back from Odoo and diff them against what was staged",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { sample: { type: "string" }, json: { type: "boolean" } },
      allowPositionals: true,
    });
    const folder = await readRunFolder(positionals[0], env);
    const sample = positiveInteger(values.sample, "--sample");
    try {
      const { XmlRpcTransport } = await import("../runtime/load/index.js");
      const { verifyRun } = await import("../runtime/verify/index.js");
      const odoo = new XmlRpcTransport(folder.connection, passwordFromEnvironment());
      await odoo.authenticate();
      const store = folder.openStaging();
      try {
        const result = await verifyRun(folder.plan, store, odoo, folder.exportDir, sample ? { sample } : {});
        const { writeVerifyResult } = await import("../runtime/run/index.js");
        writeVerifyResult(folder.path, result);
        if (values.json) return output(result.ok ? 0 : 1, `${JSON.stringify(result, null, 2)}\n`);
        const lines = result.perPhase.map(
          (p) =>
            `  ${p.phase} (${p.model}): ${p.checked} checked, ${p.missing} missing, ${p.mismatched} field difference(s)`,
        );
        const diffs = result.mismatches
          .slice(0, 20)
          .map(
            (m) =>
              `  ${m.externalId} (${m.model} ${m.odooId}) ${m.field}: staged ${JSON.stringify(m.staged)}, Odoo has ${JSON.stringify(m.inOdoo)}`,
          );
        const missing = result.missing
          .slice(0, 20)
          .map((m) => `  ${m.externalId} (${m.model} ${m.odooId}) is no longer in Odoo`);
        const verdict = result.ok
          ? `verified: all ${result.checked} records match what was staged`
          : `${result.missing.length} missing, ${result.mismatches.length} field difference(s) (all in verify.json)`;
        return output(result.ok ? 0 : 1, [...lines, ...missing, ...diffs, verdict, ""].join("\n"));
      } finally {
        store.close();
      }
    } catch (error) {
      return runtimeErrorOutput(error, folder.exportDir);
    }
  },
};
