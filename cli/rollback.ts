import { parseArgs } from "node:util";
import { output, type Command } from "./command.js";
import { passwordFromEnvironment, runtimeErrorOutput } from "./odoo-flags.js";
import { readRunFolder } from "./run-folder.js";

const help = `mapc rollback RUNDIR [--json]

Returns Odoo to its state before the runs (and apply-schema) journaled in RUNDIR: records they updated get
their earlier values back, records they created are deleted in reverse load order (their external ids,
messages, followers and attachments go with them). Safe to run twice: the second run finds nothing to undo.
Takes the connection from RUNDIR/connection.json and the password from MAPC_ODOO_PASSWORD.
Writes RUNDIR/rollback.json with Odoo's record counts before the first run, before the rollback, and after.`;

export const rollbackCommand: Command = {
  name: "rollback",
  summary: "undo what the runs in a run folder wrote to Odoo",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { json: { type: "boolean" } },
      allowPositionals: true,
    });
    const folder = await readRunFolder(positionals[0], env);
    try {
      const { XmlRpcTransport } = await import("../runtime/load/index.js");
      const { rollbackRun } = await import("../runtime/rollback/index.js");
      const odoo = new XmlRpcTransport(folder.connection, passwordFromEnvironment());
      await odoo.authenticate();
      const store = folder.openStaging();
      try {
        const result = await rollbackRun(store, odoo);
        const { writeRollbackResult } = await import("../runtime/run/index.js");
        writeRollbackResult(folder.path, result);
        if (values.json) return output(0, `${JSON.stringify(result, null, 2)}\n`);
        const counts = result.counts.map(
          (c) =>
            `  ${c.model}: ${c.beforeRollback} → ${c.after}${c.beforeRun === null ? "" : ` (before the first run: ${c.beforeRun}${c.beforeRun === c.after ? ", back where it was" : ""})`}`,
        );
        const head =
          result.deleted + result.restored + result.failed.length + result.alreadyGone === 0
            ? "nothing to roll back: the journal is empty"
            : `deleted ${result.deleted} record(s), restored ${result.restored}${result.alreadyGone ? `, ${result.alreadyGone} were already gone` : ""}`;
        const failed = result.failed.map((f) => `  NOT undone: ${f.model} ${f.odooId}: ${f.reason}`);
        const tail = result.failed.length
          ? [
              `${result.failed.length} record(s) could not be undone; they stay in the journal, so a later rollback tries them again`,
            ]
          : [];
        return output(result.failed.length ? 1 : 0, [head, ...failed, ...counts, ...tail, ""].join("\n"));
      } finally {
        store.close();
      }
    } catch (error) {
      return runtimeErrorOutput(error, folder.exportDir);
    }
  },
};
