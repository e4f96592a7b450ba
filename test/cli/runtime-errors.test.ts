// What stops a command at run time reaches the user as a registered MR31xx code, the message and what to do
// next; an error mapc does not know is not dressed up as one it does.
import { describe, expect, it } from "vitest";
import { MissingPassword, runtimeErrorOutput } from "../../cli/odoo-flags.js";
import { messages } from "../../diagnostics/registry.js";
import {
  OdooAuthError,
  OdooFault,
  PhaseNotBalanced,
  SchemaMismatchError,
  TransientError,
} from "../../runtime/load/index.js";
import { ResumeRefused, RunFolderError, RunFolderOfAnotherOdoo } from "../../runtime/run/index.js";

describe("runtime errors", () => {
  it.each([
    {
      error: new MissingPassword("set the Odoo password in MAPC_ODOO_PASSWORD"),
      code: "MR3108",
      says: "set the Odoo password",
    },
    {
      error: new OdooAuthError("Odoo refused the login or password (Access Denied)"),
      code: "MR3101",
      says: "Access Denied). Nothing was written.",
      hint: "check --user",
    },
    {
      error: new SchemaMismatchError(["field crm.lead.x_a (map Deal)"]),
      code: "MR3102",
      says: "  - field crm.lead.x_a (map Deal)",
      hint: "mapc apply-schema",
    },
    { error: new ResumeRefused("nothing to resume"), code: "MR3103", says: "nothing to resume" },
    { error: new RunFolderOfAnotherOdoo("out/run loaded into http://a"), code: "MR3104", says: "loaded into http://a" },
    {
      error: new PhaseNotBalanced("phase Deal does not balance"),
      code: "MR3105",
      says: "does not balance",
      hint: "report it",
    },
    {
      error: new TransientError("ECONNRESET: socket hang up"),
      code: "MR3106",
      says: "did not answer (ECONNRESET",
      hint: "--resume",
    },
    {
      error: new OdooFault(1, "Traceback…\nValueError: bad", "crm.lead", "load"),
      code: "MR3107",
      says: "Odoo refused crm.lead.load: ValueError: bad",
    },
    {
      error: new RunFolderError("out/run/plan.json is not a plan this mapc can read"),
      code: "MR3109",
      says: "not a plan this mapc can read",
    },
  ])("$code: $error.constructor.name", async ({ error, code, says, hint }) => {
    const result = await runtimeErrorOutput(error, ".");
    expect(code in messages).toBe(true);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^error ${code}: `));
    expect(result.stderr).toContain(says);
    if (hint) expect(result.stderr).toContain(`  hint: `);
    if (hint) expect(result.stderr).toContain(hint);
  });

  it("rethrows an error it does not know", async () => {
    await expect(runtimeErrorOutput(new RangeError("a defect"), ".")).rejects.toThrow("a defect");
  });
});
