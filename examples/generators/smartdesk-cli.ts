#!/usr/bin/env node
// node dist/examples/generators/smartdesk-cli.js --out DIR [--seed N] [--scale N] [--variant NAME[,NAME…]] [--replace]
import { exportCli } from "./export-cli.js";
import { SMARTDESK_VARIANTS, generateSmartDeskExport } from "./smartdesk.js";

/** The help text, and parseSmartDeskArgs(argv): the export's options, or the text to print and the exit code. */
export const { help: HELP, parse: parseSmartDeskArgs } = exportCli(
  import.meta.url,
  {
    source: "smartdesk",
    summary: "Writes a SmartDesk (HubSpot look-alike) sample export.",
    scaled: "records",
    variants: SMARTDESK_VARIANTS,
  },
  generateSmartDeskExport,
);
