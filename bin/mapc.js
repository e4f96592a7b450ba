#!/usr/bin/env node
// The `mapc` command. The TypeScript is compiled to dist/ by `npm install` (the prepare script).
import { existsSync } from "node:fs";

const entry = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("mapc: dist/ is missing; run `npm install` (or `npm run build`) in the mapc folder first\n");
  process.exit(2);
}
const { main } = await import(entry.href);
await main();
