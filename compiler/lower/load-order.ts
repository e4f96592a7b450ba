// The load order: derived from what each mapping references (a topological sort that keeps declaration
// order where it is free), or written with `order …` and then checked against the references.
import type * as A from "../../grammar/ast.js";
import type { CompileContext } from "../context.js";
import type { PlanLoadOrder, PlanMapping } from "../../plan/types.js";
import { didYouMean } from "../hints.js";

export function planLoadOrder(
  mappings: readonly PlanMapping[],
  order: A.OrderDecl | undefined,
  ctx: CompileContext,
): PlanLoadOrder {
  const loaded = withContributions(mappings);
  const derived = deriveOrder(loaded, ctx);
  const phases = order ? checkExplicitOrder(order, loaded, derived, ctx) : derived;
  return { phases, deferred: deferredFields(mappings, phases), explicit: Boolean(order) };
}

/**
 * The maps that load, each with what the maps `into` it point at: a map that adds to another's records has
 * no phase of its own, and its references order the phase of the records it adds to.
 */
function withContributions(mappings: readonly PlanMapping[]): PlanMapping[] {
  return mappings
    .filter((m) => !m.into)
    .map((m) => {
      const contributing = mappings.filter((other) => other.into?.mapping === m.id);
      if (contributing.length === 0) return m;
      return { ...m, dependsOn: [...new Set([...m.dependsOn, ...contributing.flatMap((other) => other.dependsOn)])] };
    });
}

/**
 * Each deferred field with the phase after which it is written: its own, or the last one it points into.
 * A deferred field of a map `into` another is written with the records it adds to.
 */
function deferredFields(mappings: readonly PlanMapping[], phases: readonly string[]): PlanLoadOrder["deferred"] {
  const position = (id: string) => phases.indexOf(id);
  return mappings.flatMap((m) => {
    const owner = m.into?.mapping ?? m.id;
    return m.assignments
      .filter((a) => a.deferred)
      .flatMap((a) => {
        const after = [owner, ...(a.after ?? [])].reduce((last, id) => (position(id) > position(last) ? id : last));
        const reason = a.after === undefined ? ("self-reference" as const) : ("forward-reference" as const);
        return a.fields.map((field) => ({ mapping: owner, field, reason, after }));
      });
  });
}

function deriveOrder(mappings: readonly PlanMapping[], ctx: CompileContext): string[] {
  const ids = new Set(mappings.map((m) => m.id));
  const pending = new Map(mappings.map((m) => [m.id, new Set(m.dependsOn.filter((d) => d !== m.id && ids.has(d)))]));
  const phases: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending.entries()].find(([, deps]) => deps.size === 0)?.[0];
    if (ready === undefined) {
      reportCycle(pending, mappings, ctx);
      // Load the rest in declaration order so the plan stays complete; the error stops a run.
      phases.push(...pending.keys());
      break;
    }
    phases.push(ready);
    pending.delete(ready);
    for (const deps of pending.values()) deps.delete(ready);
  }
  return phases;
}

function reportCycle(pending: Map<string, Set<string>>, mappings: readonly PlanMapping[], ctx: CompileContext): void {
  const start = pending.keys().next().value as string;
  const path = [start];
  let current = start;
  for (;;) {
    const next = [...(pending.get(current) ?? [])][0];
    if (next === undefined) break;
    const seenAt = path.indexOf(next);
    if (seenAt >= 0) {
      const cycle = [...path.slice(seenAt), next];
      const first = mappings.find((m) => m.id === cycle[0]);
      const line = first?.line ?? 1;
      const range = { start: { line, column: 1, offset: 0 }, end: { line, column: 4, offset: 3 } };
      ctx.report(
        "MC2403",
        range,
        { cycle: cycle.join(" → ") },
        "break it: set one of the links in a later map, or through a lookup against staged records",
      );
      return;
    }
    path.push(next);
    current = next;
  }
}

function checkExplicitOrder(
  order: A.OrderDecl,
  mappings: readonly PlanMapping[],
  derived: readonly string[],
  ctx: CompileContext,
): string[] {
  const byId = new Map(mappings.map((m) => [m.id, m]));
  const phases: string[] = [];
  const seen = new Set<string>();
  for (const entry of order.entries) {
    const id = resolveOrderEntry(entry.text, ctx);
    if (!id || !byId.has(id)) {
      if (entry.text !== "")
        ctx.report("MC2401", entry.range, { name: entry.text }, didYouMean(entry.text, byId.keys()));
      continue;
    }
    if (seen.has(id)) {
      ctx.report("MC2405", entry.range, { name: entry.text });
      continue;
    }
    for (const dependency of byId.get(id)!.dependsOn) {
      if (dependency !== id && byId.has(dependency) && !seen.has(dependency)) {
        ctx.report(
          "MC2402",
          entry.range,
          { map: id, dependency },
          `move \`${dependency}\` before \`${id}\`, or leave \`order\` out to derive it`,
        );
      }
    }
    seen.add(id);
    phases.push(id);
  }
  const missing = derived.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    ctx.report("MC2404", order.range, { missing: missing.map((m) => `\`${m}\``).join(", ") });
    phases.push(...missing);
  }
  return phases;
}

/** An order entry names a mapping, or a source object whose mappings then load together. */
function resolveOrderEntry(name: string, ctx: CompileContext): string | undefined {
  if (ctx.symbols.maps.has(name)) return name;
  const maps = ctx.symbols.mapsBySource.get(name);
  if (maps?.length === 1) return maps[0]!.alias?.text ?? maps[0]!.source.text;
  return undefined;
}
