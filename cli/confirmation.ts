// The customer's sign-off, bound to the spec's content: `mapc confirm` writes SPEC.confirmed.json with the
// spec's sha256; a live run refuses a spec whose content no longer matches.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { TransformPlan } from "../plan/types.js";

export interface Confirmation {
  spec: string;
  contentHash: string;
  confirmedAt: string;
  confirmedBy: string;
  note?: string;
}

export function confirmationPath(specPath: string): string {
  return `${specPath}.confirmed.json`;
}

export function writeConfirmation(
  specPath: string,
  plan: TransformPlan,
  by: string,
  note: string | undefined,
  now = new Date(),
): Confirmation {
  const confirmation: Confirmation = {
    spec: plan.spec.file,
    contentHash: plan.spec.contentHash,
    confirmedAt: now.toISOString(),
    confirmedBy: by,
    ...(note ? { note } : {}),
  };
  writeFileSync(confirmationPath(specPath), `${JSON.stringify(confirmation, null, 2)}\n`);
  return confirmation;
}

/** Why a live run may not start, or undefined when the spec is confirmed as it is. */
export function confirmationProblem(specPath: string, shownPath: string, plan: TransformPlan): string | undefined {
  const file = confirmationPath(specPath);
  if (!existsSync(file)) {
    return `${shownPath} is not confirmed: show the customer \`mapc docs ${shownPath}\`, then record their sign-off with \`mapc confirm ${shownPath}\` (a dry run needs no confirmation)`;
  }
  const confirmation = JSON.parse(readFileSync(file, "utf8")) as Partial<Confirmation>;
  if (confirmation.contentHash !== plan.spec.contentHash) {
    return `${shownPath} changed since it was confirmed on ${confirmation.confirmedAt ?? "?"} by ${confirmation.confirmedBy ?? "?"}: send the customer the new docs (\`mapc docs ${shownPath}\`) and confirm again (\`mapc confirm ${shownPath}\`)`;
  }
  return undefined;
}
