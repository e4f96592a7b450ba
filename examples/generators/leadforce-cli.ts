#!/usr/bin/env node
// node dist/examples/generators/leadforce-cli.js --out DIR [--seed N] [--scale N] [--variant NAME[,NAME…]] [--replace]
import { exportCli } from "./export-cli.js";
import { LEADFORCE_VARIANTS, generateLeadforceExport } from "./leadforce.js";

/** The help text, and parseLeadforceArgs(argv): the export's options, or the text to print and the exit code. */
export const { help: HELP, parse: parseLeadforceArgs } = exportCli(
  import.meta.url,
  {
    source: "leadforce",
    summary: "Writes a Leadforce CRM (Perfex-based) sample export.",
    scaled: "business records",
    variants: LEADFORCE_VARIANTS,
  },
  generateLeadforceExport,
);
