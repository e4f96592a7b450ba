// Transform chains: `"Amount" | money`, `item | ref Contact`, `("First Name", "Last Name") | join " "`.
// Each step is checked against the transform table the runtime publishes, and the value's type is followed
// through the chain so the target field can be checked against what arrives.
import type * as A from "../../grammar/ast.js";
import { transformSignatures, type TransformArgSpec, type TransformSignature } from "../../plan/transforms.js";
import { isValidTimeZone } from "../../plan/time-zones.js";
import type { CompileContext } from "../context.js";
import { lowerInput, takesText, type InputScope } from "./conditions.js";
import { lowerMissingPolicy } from "./missing-policy.js";
import type { ColumnType, PlanLiteral, PlanStep, ValueType } from "../../plan/types.js";
import { didYouMean } from "../hints.js";
import { describeType, literalType, type Typed } from "../value-types.js";

export const columnValueTypes: Record<ColumnType, Typed> = {
  id: { type: "text" },
  text: { type: "text" },
  email: { type: "text" },
  phone: { type: "text" },
  url: { type: "text" },
  file: { type: "text" },
  html: { type: "html" },
  integer: { type: "integer" },
  decimal: { type: "decimal" },
  money: { type: "decimal" },
  boolean: { type: "boolean" },
  date: { type: "date" },
  datetime: { type: "datetime" },
  list: { type: "list", element: "text" },
  json: { type: "any" },
  base64: { type: "binary" },
};

export interface LoweredExpression {
  input: ReturnType<typeof lowerInput>;
  steps: PlanStep[];
  typed: Typed;
  /** mapping ids this expression references */
  references: string[];
}

export interface ExpressionScope extends InputScope {
  /** the type of `item`, when the map fans out */
  itemType?: Typed;
}

export function lowerExpression(expr: A.Expression, scope: ExpressionScope): LoweredExpression {
  const input = lowerInput(expr.primary, scope);
  let typed = primaryType(expr.primary, scope);
  const steps: PlanStep[] = [];
  const references: string[] = [];
  for (const step of expr.steps) {
    const lowered = lowerStep(step, typed, scope);
    if (!lowered) {
      typed = { type: "any" };
      continue;
    }
    steps.push(lowered.step);
    typed = lowered.typed;
    if (lowered.reference) references.push(lowered.reference);
  }
  return { input, steps, typed, references };
}

function primaryType(primary: A.Primary, scope: ExpressionScope): Typed {
  if (primary.kind === "item") return scope.itemType ?? { type: "any" };
  if (primary.kind === "columns") return { type: "list", element: "text" };
  const column = scope.source?.columns.find((c) => c.column.text === primary.column.text);
  return columnValueTypes[column?.type.text as ColumnType] ?? { type: "any" };
}

interface LoweredStep {
  step: PlanStep;
  typed: Typed;
  reference?: string;
}

function lowerStep(step: A.Step, input: Typed, scope: ExpressionScope): LoweredStep | undefined {
  const line = step.range.start.line;
  switch (step.kind) {
    case "ref":
      return lowerRef(step, input, scope);
    case "lookup": {
      const lookup = scope.ctx.symbols.lookups.get(step.target.text);
      if (!lookup) {
        reportUnknown(scope.ctx, "MC2207", step.target, scope.ctx.symbols.lookups.keys());
        return undefined;
      }
      scope.ctx.usedNames.add(`lookup:${lookup.name.text}`);
      const model = lookupModel(lookup, scope.ctx);
      const yieldsText = takesText(lookup);
      // The lookup's own policy was checked where it is declared; only an override here is new.
      const onMissing = step.onMissing
        ? lowerMissingPolicy(step.onMissing, scope.ctx, model)
        : lowerMissingPolicy(lookup.onMissing, scope.ctx, model, true);
      const reference =
        lookup.against === "source" && !yieldsText ? primaryMappingOf(lookup.target.text, scope.ctx) : undefined;
      const output: Typed = yieldsText ? { type: "text" } : recordType(input, model);
      return {
        step: { op: "lookup", lookup: lookup.name.text, model, onMissing, line },
        typed: input.type === "list" && yieldsText ? { type: "list", element: "text" } : output,
        ...(reference ? { reference } : {}),
      };
    }
    case "map": {
      const valueMap = scope.ctx.symbols.valueMaps.get(step.target.text);
      if (!valueMap) {
        reportUnknown(scope.ctx, "MC2204", step.target, scope.ctx.symbols.valueMaps.keys());
        return undefined;
      }
      scope.ctx.usedNames.add(`values:${valueMap.name.text}`);
      const output = valueMapOutputType(valueMap, scope.ctx);
      return {
        step: { op: "map", valueMap: valueMap.name.text, line },
        typed: input.type === "list" ? { ...output, element: output.type, type: "list" } : output,
      };
    }
    case "transform":
      return lowerTransform(step, input, scope);
  }
}

function reportUnknown(
  ctx: CompileContext,
  code: "MC2207" | "MC2204" | "MC2017",
  name: A.Name,
  known: Iterable<string>,
): void {
  if (name.text === "") return;
  ctx.report(code, name.range, { name: name.text }, didYouMean(name.text, known));
}

function recordType(input: Typed, model: string): Typed {
  return input.type === "list" ? { type: "list", element: "record", model } : { type: "record", model };
}

/** The mapping a `ref Object` lands on: the object's only mapping, or the one named. */
export function resolveMappingTarget(
  name: A.Name,
  ctx: CompileContext,
): { mapping: string; model: string } | undefined {
  const direct = ctx.symbols.maps.get(name.text);
  if (direct) return { mapping: name.text, model: direct.model.text };
  const bySource = ctx.symbols.mapsBySource.get(name.text) ?? [];
  const primary = primaryMappingOf(name.text, ctx);
  if (primary) return { mapping: primary, model: ctx.symbols.maps.get(primary)?.model.text ?? "" };
  if (bySource.length > 1) {
    const choices = bySource.map((m) => `\`${m.alias?.text ?? m.source.text}\``).join(", ");
    ctx.report("MC2312", name.range, { object: name.text, choices });
    return undefined;
  }
  if (name.text !== "") {
    const known = [...ctx.symbols.maps.keys(), ...ctx.symbols.sources.keys()];
    const hint = ctx.symbols.sources.has(name.text)
      ? `source \`${name.text}\` has no map yet: add \`map ${name.text} -> <model> { … }\``
      : didYouMean(name.text, known);
    ctx.report("MC2017", name.range, { name: name.text }, hint);
  }
  return undefined;
}

/**
 * The mapping that stands for a source object when a reference names the object: its only mapping, or,
 * when its mappings are alternatives chosen by installed modules (`requires`/`unless`), the unguarded or
 * `unless` one. A real fan-out (several unguarded maps) has no primary: the reference must name one.
 */
export function primaryMappingOf(source: string, ctx: CompileContext): string | undefined {
  const maps = ctx.symbols.mapsBySource.get(source) ?? [];
  if (maps.length === 1) return mappingIdOf(maps[0]!);
  // Alternatives (`requires`/`unless`) and splits (`where`) give each row at most one record: a reference
  // to the object finds whichever ran, at run time. The first map stands for them in the plan.
  if (maps.length > 1 && maps.every((m) => m.guard || m.where)) {
    const unguarded = maps.find((m) => m.guard?.kind !== "requires") ?? maps[0]!;
    return mappingIdOf(unguarded);
  }
  return undefined;
}

function mappingIdOf(map: A.MapDecl): string {
  return map.alias?.text ?? map.source.text;
}

function lowerRef(step: A.Step & { kind: "ref" }, input: Typed, scope: ExpressionScope): LoweredStep | undefined {
  const target = resolveMappingTarget(step.target, scope.ctx);
  if (!target) return undefined;
  const object = scope.ctx.symbols.maps.get(target.mapping)?.source.text ?? step.target.text;
  const onMissing = lowerMissingPolicy(step.onMissing, scope.ctx, target.model);
  return {
    step: { op: "ref", object, mapping: target.mapping, model: target.model, onMissing, line: step.range.start.line },
    typed: recordType(input, target.model),
    reference: target.mapping,
  };
}

/**
 * The model of the records a lookup yields: the Odoo model it searches, the relation of the many2one it
 * `take`s there, or the model of the source object's map; "" when it yields a column's text.
 */
export function lookupModel(lookup: A.LookupDecl, ctx: CompileContext): string {
  if (lookup.against !== "source") {
    if (!lookup.take) return lookup.target.text;
    const field = ctx.field(lookup.target.text, lookup.take.text);
    return field?.type === "many2one" ? (field.relation ?? "") : "";
  }
  if (takesText(lookup)) return "";
  const mapping = primaryMappingOf(lookup.target.text, ctx);
  return mapping ? (ctx.symbols.maps.get(mapping)?.model.text ?? "") : "";
}

function valueMapOutputType(valueMap: A.ValuesDecl, ctx: CompileContext): Typed {
  const types = valueMap.entries.map((e) => literalType(e.to, ctx)).filter((t) => t.type !== "any");
  const first = types[0];
  if (!first) return { type: "any" };
  const same = types.every((t) => t.type === first.type && t.model === first.model);
  if (same) return first;
  if (types.every((t) => t.type === "integer" || t.type === "decimal")) return { type: "decimal" };
  return { type: "any" };
}

function lowerTransform(
  step: A.Step & { kind: "transform" },
  input: Typed,
  scope: ExpressionScope,
): LoweredStep | undefined {
  const name = step.name.text;
  const signature = (transformSignatures as Readonly<Record<string, TransformSignature>>)[name];
  if (!signature) {
    if (name !== "")
      scope.ctx.report("MC2201", step.name.range, { name }, didYouMean(name, Object.keys(transformSignatures)));
    return undefined;
  }
  const args: PlanLiteral[] = [];
  const named: Record<string, PlanLiteral> = {};
  checkArguments(step, signature, scope.ctx, args, named);
  const elementwise = input.type === "list" && !signature.input.includes("list") && !signature.input.includes("any");
  const given = elementwise ? (input.element ?? "any") : input.type;
  if (given !== "any" && !signature.input.includes("any") && !signature.input.includes(given)) {
    scope.ctx.report("MC2203", step.name.range, {
      name,
      expected: describeTypes(signature.input),
      given: describeType(input),
    });
  }
  const output = outputType(signature, input);
  return {
    step: { op: "transform", name, args, named, line: step.range.start.line },
    typed: elementwise ? { type: "list", element: output.type } : output,
  };
}

type ArgSpec = TransformArgSpec;

/** `any` as an output means "what came in": a whole value, or one element when the input was a list. */
function outputType(signature: TransformSignature, input: Typed): Typed {
  if (signature.output === "list" && input.type === "list") return input;
  if (signature.output !== "any") return { type: signature.output };
  if (input.type === "list" && signature.input.includes("list")) {
    return { type: input.element ?? "any", ...(input.model ? { model: input.model } : {}) };
  }
  return { ...input };
}

function checkArguments(
  step: A.Step & { kind: "transform" },
  signature: TransformSignature,
  ctx: CompileContext,
  args: PlanLiteral[],
  named: Record<string, PlanLiteral>,
): void {
  const name = step.name.text;
  const positional = step.args.filter((a) => !a.name);
  const required = signature.args.filter((a) => !a.optional).length;
  const variadic = Boolean(signature.args.at(-1)?.variadic);
  if (positional.length < required || (!variadic && positional.length > signature.args.length)) {
    const usage = signature.args.map((a) => (a.optional ? `[${a.name}]` : `<${a.name}>`)).join(" ");
    ctx.report(
      "MC2202",
      step.range,
      { name, problem: `takes ${describeCount(signature.args)}, not ${positional.length}` },
      `write \`${name}${usage ? ` ${usage}` : ""}\``,
    );
  }
  for (const [index, arg] of positional.entries()) {
    const spec = signature.args[Math.min(index, signature.args.length - 1)];
    if (spec) checkArgValue(name, spec, arg, ctx);
    args.push(ctx.literal(arg.value));
  }
  for (const arg of step.args.filter((a) => a.name)) {
    const argName = arg.name!.text;
    const spec = signature.named[argName];
    if (!spec) {
      const allowed = Object.keys(signature.named);
      const problem = allowed.length
        ? `has no option \`${argName}\` (options: ${allowed.join(", ")})`
        : "takes no named options";
      ctx.report("MC2202", arg.name!.range, { name, problem });
      continue;
    }
    checkArgValue(name, spec, arg, ctx);
    named[argName] = ctx.literal(arg.value);
  }
}

function describeCount(args: readonly ArgSpec[]): string {
  const required = args.filter((a) => !a.optional).length;
  if (args.length === 0) return "no arguments";
  if (required === args.length) return `${required} argument${required === 1 ? "" : "s"}`;
  return `${required} to ${args.length} arguments`;
}

function checkArgValue(transform: string, spec: ArgSpec, arg: A.StepArg, ctx: CompileContext): void {
  if (spec.type !== "literal" && arg.value.kind !== spec.type) {
    ctx.report("MC2202", arg.range, { name: transform, problem: `expects ${spec.name} to be a ${spec.type}` });
    return;
  }
  if (spec.choices && arg.value.kind === "string" && !spec.choices.includes(arg.value.value)) {
    ctx.report("MC2202", arg.range, {
      name: transform,
      problem: `expects ${spec.name} to be one of ${spec.choices.map((c) => JSON.stringify(c)).join(", ")}`,
    });
  }
  if (spec.name === "tz" && arg.value.kind === "string" && !isValidTimeZone(arg.value.value)) {
    ctx.report(
      "MC2208",
      arg.value.range,
      { zone: arg.value.value },
      'use an IANA zone such as "Europe/London" or "Asia/Kolkata"',
    );
  }
}

function describeTypes(types: readonly ValueType[]): string {
  return types.join(" or ");
}
