import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { output, UsageError, type Command } from "./command.js";

const help = `mapc propose --source EXPORT --system NAME [--target 17.0] [--out FILE]
mapc propose --source EXPORT --from SPEC [--system NAME] [--out FILE] [--diff]

Drafts a spec for an export, or adapts an existing spec to an export that differs from the one it was
written for. The spec goes to FILE (or stdout); a report of what was matched, added and dropped, with
confidences, goes to stderr. mapc proposes the map; a person confirms it before any record moves:
review the draft, then mapc check, mapc docs and mapc confirm.

Without --from, a draft from scratch:
  - every table of the export becomes a source: a CSV file (encoding and delimiter detected: UTF-8 with
    or without a byte order mark, Windows-1252 otherwise; "," ";" tab or "|"), a folder of Dataverse
    OData pages (odata, "folder/*.json"), HubSpot API pages (hubspot), Laravel pages (laravel), a JSON
    array (json) or JSON Lines (jsonl). Each declares every column the export holds, typed from its
    values (id, text, html, integer, decimal, money, boolean, date, datetime, email, phone, url, list,
    file), with its key (the column no two rows share, "Record ID", "<table>id", "id" first).
  - each table whose name says what it holds gets a map into its Odoo model (contacts and companies:
    res.partner; deals, opportunities and leads: crm.lead; notes, calls and e-mails: mail.message on
    their record; tasks: mail.activity; meetings: calendar.event; tickets: helpdesk.ticket where the app
    is installed, else a lead tagged Ticket; products, campaigns, templates, files…). Owners become a
    lookup of Odoo users by e-mail, never records; workflows are listed in the docs.
  - each column is matched to a field of that model by name and label (from the field catalog of the
    target version), references between tables by their values (a column whose values are another
    table's keys). Every line carries its confidence (0–1) and why: \`email <- "Email"  # 0.97: …\`. A
    column without a good match is dropped with its closest field named, to be reviewed.
  - custom properties listed in the export's metadata (HubSpot properties.json, Dataverse
    EntityDefinitions) are taken by \`custom properties prefix "x_<system>_"\`.
  The draft checks without errors; what the compiler refuses is dropped with its message.

With --from SPEC, the spec's own text is kept (comments, layout) and edited where it must be, each edit
ending with \`# proposed: why\`:
  - a declared column the export names otherwise gets that name as an alternative ("Email" or "E-mail");
    one the export lacks that no key or required field needs becomes optional
  - a source whose files are missing gets the path that finds them (or "accounts/*.json" or
    "account/*.json"); without any, it becomes \`optional true\`
  - export columns the spec neither reads nor drops are declared and dropped for review (a pattern such
    as "*@OData.Community.Display.V1.FormattedValue" when many share a suffix)
  - custom properties the metadata lists that no map takes: \`custom properties from …\` and
    \`custom properties prefix "x_<system>_"\`
  The result must check without errors and account for every column of the export.

Options:
  --source EXPORT  the export folder (required)
  --system NAME    the source system's name: the spec's \`mapping NAME -> …\` and the x_NAME_ prefix of
                   custom fields (required without --from; with it, the spec's own)
  --from SPEC      adapt this spec instead of drafting one
  --target VER     the Odoo version whose field catalog the draft is checked against (default 17.0;
                   with --from, the spec's own)
  --out FILE       write the spec there instead of to stdout
  --diff           with --from: print the changes as a unified diff instead of the whole spec

Exit code: 0 when the spec checks without errors (and, with --from, reads the whole export), 1 when
something is left to do (the report says what; the spec is still written), 2 on wrong usage.`;

export const proposeCommand: Command = {
  name: "propose",
  summary: "draft a spec from an export (or adapt one with --from) for a person to review",
  help,
  async run(argv, env) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        source: { type: "string" },
        system: { type: "string" },
        from: { type: "string" },
        target: { type: "string" },
        out: { type: "string" },
        diff: { type: "boolean" },
      },
      allowPositionals: false,
    });
    void positionals;
    if (!values.source) throw new UsageError("--source EXPORT is required: the folder that holds the export");
    const exportDir = resolve(env.cwd, values.source);
    if (!existsSync(exportDir) || !statSync(exportDir).isDirectory())
      throw new UsageError(`--source ${values.source}: no such folder`);
    if (!values.from && !values.system)
      throw new UsageError("--system NAME is required without --from: it names the spec and the x_NAME_ custom fields");
    if (values.diff && !values.from)
      throw new UsageError("--diff shows what --from changed: name the spec with --from");
    if (values.system !== undefined && !/[A-Za-z0-9]/.test(values.system))
      throw new UsageError(`--system "${values.system}" needs a letter or digit`);
    const { availableCatalogVersions, CatalogNotFoundError, loadCatalog } =
      await import("../compiler/catalog/index.js");
    const propose = await import("../propose/index.js");
    const shownDir = relative(env.cwd, exportDir) || ".";

    if (values.from) {
      const specPath = resolve(env.cwd, values.from);
      if (!existsSync(specPath)) throw new UsageError(`--from ${values.from}: no such file`);
      if (values.target)
        throw new UsageError(
          "--target goes with a draft; with --from the spec's own version (mapping … -> odoo VERSION) is used",
        );
      const specText = readFileSync(specPath, "utf8");
      let adapted;
      try {
        adapted = await propose.adaptSpec({
          specText,
          specFile: values.from,
          exportDir,
          shownDir,
          ...(values.system ? { system: values.system } : {}),
        });
      } catch (error) {
        if (error instanceof propose.AdaptRefused) return output(1, "", `mapc propose: ${error.message}\n`);
        throw error;
      }
      const text = values.diff
        ? propose.unifiedDiff(specText, adapted.text, values.from, values.out ?? `${values.from} (proposed)`)
        : adapted.text;
      return finish(text, propose.renderReport(adapted.report), adapted.remaining.length === 0);
    }

    const version = values.target ?? "17.0";
    let catalog;
    try {
      catalog = loadCatalog(version);
    } catch (error) {
      if (error instanceof CatalogNotFoundError)
        throw new UsageError(
          `--target ${version}: no Odoo catalog for it; catalogs exist for ${availableCatalogVersions().join(", ")}`,
        );
      throw error;
    }
    const draft = await propose.proposeDraft({ exportDir, system: values.system!, catalog, shownDir });
    const { compileSpec } = await import("../compiler/index.js");
    const errors = compileSpec(draft.text, values.out ?? "draft.mapspec").diagnostics.filter(
      (d) => d.severity === "error",
    );
    const left = errors.map((d) => `  still to do: line ${d.range.start.line}: ${d.code} ${d.message}`);
    return finish(
      draft.text,
      `${propose.renderReport(draft.report)}${left.map((l) => `${l}\n`).join("")}`,
      errors.length === 0,
    );

    function finish(text: string, report: string, clean: boolean) {
      if (values.out) {
        const file = resolve(env.cwd, values.out);
        writeFileSync(file, text);
        return output(clean ? 0 : 1, "", `${report}wrote ${relative(env.cwd, file) || file}\n`);
      }
      return output(clean ? 0 : 1, text, report);
    }
  },
};
