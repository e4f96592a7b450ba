#!/usr/bin/env node
// node dist/examples/generators/concord-cli.js --out DIR [--seed N] [--scale N] [--variant NAME[,NAME…]] [--replace]
import { exportCli } from "./export-cli.js";
import { CONCORD_VARIANTS, generateConcordExport } from "./concord.js";

/** The help text, and parseConcordArgs(argv): the export's options, or the text to print and the exit code. */
export const { help: HELP, parse: parseConcordArgs } = exportCli(
  import.meta.url,
  {
    source: "concord",
    summary: "Writes a Concord CRM (REST API dump) sample export.",
    scaled: "business records",
    variants: CONCORD_VARIANTS,
  },
  generateConcordExport,
);
