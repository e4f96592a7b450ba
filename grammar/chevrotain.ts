// chevrotain's values, from the single-file build its package ships (lib/chevrotain.mjs). The package's
// entry point loads lodash-es as several hundred modules: 0.7 s of the start of every mapc command on the
// 2-core test machine, against 0.1 s for the bundle. The package's `exports` do not name the bundle, so it
// is found beside the entry point; should a release drop it, the entry point is used.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

type Chevrotain = typeof import("chevrotain");

const entry = createRequire(import.meta.url).resolve("chevrotain");
const bundle = join(dirname(entry), "..", "chevrotain.mjs");
const chevrotain = (
  existsSync(bundle) ? await import(pathToFileURL(bundle).href) : await import("chevrotain")
) as Chevrotain;

export const { createToken, CstParser, generateCstDts, Lexer, tokenMatcher } = chevrotain;
