#!/usr/bin/env node
// node dist/examples/generators/opex365-cli.js --out DIR [--seed N] [--scale N] [--variant NAME[,NAME…]] [--replace]
import { exportCli } from "./export-cli.js";
import { OPEX365_VARIANTS, generateOpex365Export } from "./opex365.js";

/** The help text, and parseOpex365Args(argv): the export's options, or the text to print and the exit code. */
export const { help: HELP, parse: parseOpex365Args } = exportCli(
  import.meta.url,
  {
    source: "opex365",
    summary: "Writes an OPEX 365 CRM (Dataverse) sample export.",
    scaled: "business records",
    variants: OPEX365_VARIANTS,
  },
  generateOpex365Export,
);
