import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { userInfo } from "node:os";
import { output, type Command } from "./command.js";
import { confirmationPath, writeConfirmation } from "./confirmation.js";
import { requireCleanSpec } from "./guards.js";

const help = `mapc confirm SPEC [--by NAME] [--note TEXT]

Records that the customer confirmed the mapping documents of SPEC (mapc docs), bound to the spec's
exact content: SPEC.confirmed.json holds the spec's sha256. A run that loads into Odoo refuses a spec
that is not confirmed, or that changed since; a dry run does not need it. Needs no Odoo connection.

Options:
  --by NAME    who confirmed (default: the current user)
  --note TEXT  e.g. the customer's reference for the sign-off`;

export const confirmCommand: Command = {
  name: "confirm",
  summary: "bind the customer's sign-off to the spec's content",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { by: { type: "string" }, note: { type: "string" } },
      allowPositionals: true,
    });
    const compiled = requireCleanSpec(positionals, env);
    const specPath = resolve(env.cwd, compiled.path);
    const plan = { ...compiled.plan, spec: { ...compiled.plan.spec, file: compiled.path } };
    const confirmation = writeConfirmation(specPath, plan, values.by ?? userInfo().username, values.note);
    return output(
      0,
      `confirmed ${compiled.path} (sha256 ${confirmation.contentHash.slice(0, 12)}…) by ${confirmation.confirmedBy}\nwrote ${relative(env.cwd, confirmationPath(specPath))}\n`,
    );
  },
};
