// What the readers can find wrong with an export, each with a stable code from diagnostics/registry.ts.
// Row problems (MR3005, MR3014–MR3016) do not stop the read: the record is yielded with `problem` set, and
// the caller rejects it with that reason.
import { messages } from "../../diagnostics/registry.js";

export type ProblemSeverity = "error" | "warning";

type RegistryCode = keyof typeof messages;
/** The export readers' codes: MR3001–MR3019. */
export type ExtractCode = Extract<RegistryCode, `MR30${string}`>;
export const extractMessages: Readonly<Record<ExtractCode, { severity: ProblemSeverity; message: string }>> = messages;

export interface SourceProblem {
  severity: ProblemSeverity;
  code: ExtractCode;
  message: string;
  /** relative to the export folder; the source's declared path when no file was found */
  file: string;
  line?: number;
  column?: number;
  hint?: string;
}

export function sourceProblem(
  code: ExtractCode,
  file: string,
  args: Readonly<Record<string, string | number>>,
  where: { line?: number; column?: number; hint?: string } = {},
): SourceProblem {
  const def = extractMessages[code];
  const message = def.message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = name === "file" ? file : args[name];
    return value === undefined ? whole : String(value);
  });
  return { severity: def.severity, code, message, file, ...where };
}

/** A problem that stops the read of a source (or of a file of it). Warnings never throw. */
export class SourceReadError extends Error {
  readonly problems: readonly SourceProblem[];

  constructor(problems: readonly SourceProblem[], options?: { cause?: unknown }) {
    const [first] = problems;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    super(first ? `${first.code}: ${first.message}${more}` : "unreadable source", options);
    this.name = "SourceReadError";
    this.problems = problems;
  }

  get problem(): SourceProblem | undefined {
    return this.problems[0];
  }
}
