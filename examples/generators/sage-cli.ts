#!/usr/bin/env node
// node dist/examples/generators/sage-cli.js --out DIR [--seed N] [--scale N] [--variant NAME[,NAME…]] [--replace]
import { exportCli } from "./export-cli.js";
import { SAGE_VARIANTS, generateSageExport } from "./sage.js";

/** The help text, and parseSageArgs(argv): the export's options, or the text to print and the exit code. */
export const { help: HELP, parse: parseSageArgs } = exportCli(
  import.meta.url,
  {
    source: "sage",
    summary: "Writes a Sage CRM sample export (a dump of its SQL Server tables).",
    scaled: "business records",
    variants: SAGE_VARIANTS,
  },
  generateSageExport,
);
