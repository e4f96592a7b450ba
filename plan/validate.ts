// Validates a plan against the published JSON Schema, so a plan written by an older or newer mapc, or
// edited by hand, is refused with the exact place that is wrong.
import { Ajv, type ErrorObject } from "ajv";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "./package-root.js";
import type { TransformPlan } from "./types.js";

let compiled: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

export function planSchemaPath(): string {
  return join(packageRoot(), "plan", "plan.schema.json");
}

function validator() {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(planSchemaPath(), "utf8")) as object;
    compiled = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
  }
  return compiled;
}

/** The problems with `data` as a TransformPlan, one line each; empty when it is valid. */
export function validatePlan(data: unknown): string[] {
  const validate = validator();
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}

export function isTransformPlan(data: unknown): data is TransformPlan {
  return validatePlan(data).length === 0;
}
