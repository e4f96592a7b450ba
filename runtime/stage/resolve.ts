// Resolving references once every source is staged: a `ref` becomes the external id of the record it
// points to, a source lookup its value or record, a link its record. What cannot be found meets the miss
// policy the spec wrote for it. Lookups against the live Odoo stay symbolic until the loader prefetches them.
import type { MissingPolicy, PlanLiteral, TransformPlan } from "../../plan/types.js";
import type { LinkReference, LookupReference, RecordReference, ReferenceKey, TargetValue } from "../execute/index.js";
import { externalId as buildExternalId, distinctValues, placeholderValues } from "../execute/index.js";
import { statSync, type Stats } from "node:fs";
import { ExportPathError, resolveExportPath } from "../extract/index.js";
import { answeredByOdoo } from "./prepare.js";
import type { QueueKind, StagedRecordRow, StagingStore } from "./store.js";

/** Why a record cannot be staged: the field and the reason, for rejects.csv. */
export class ReferenceFailure extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A record anchored (by a link) to a row the spec's own rules skip, such as a note on a deleted company: it is
 * left out with that row, as skipped, not rejected; a rerun finds the same and reports nothing wrong.
 */
export class ReferenceSkipped extends ReferenceFailure {}

interface PolicyIndex {
  /** `${mapping}\0${field}\0ref:${target}` / `lookup:${name}` / `link` → policy */
  policies: Map<string, MissingPolicy>;
}

export function policyIndex(plan: TransformPlan): PolicyIndex {
  const policies = new Map<string, MissingPolicy>();
  for (const mapping of plan.mappings) {
    for (const assignment of mapping.assignments) {
      const value = assignment.value;
      if (value.kind === "link") {
        policies.set(`${mapping.id}\0${assignment.fields[1]}\0link`, value.onMissing);
        continue;
      }
      if (value.kind !== "expression") continue;
      for (const step of value.steps) {
        const field = assignment.fields[0];
        if (step.op === "ref") policies.set(`${mapping.id}\0${field}\0ref:${step.mapping}`, step.onMissing);
        if (step.op === "lookup") policies.set(`${mapping.id}\0${field}\0lookup:${step.lookup}`, step.onMissing);
      }
    }
  }
  return { policies };
}

export interface ResolutionStats {
  /** distinct keys per Odoo lookup, left for the loader */
  pendingOdooLookups: Map<string, Set<string>>;
  placeholders: number;
  queued: number;
}

/** A resolved reference to another staged record: its external id, as the loader expects it. */
function xmlid(externalId: string): PlanLiteral {
  return { xmlid: externalId };
}

export class ReferenceResolver {
  private readonly index: PolicyIndex;
  private readonly lookups: Map<string, TransformPlan["lookups"][number]>;
  private readonly primaryMapping = new Map<string, string>();
  /** mapping → the mappings a reference to it may have landed in (itself, then its alternatives or splits) */
  private readonly candidates = new Map<string, string[]>();
  /** mapping → its link assignments as [model field, id field] */
  private readonly linkFields = new Map<string, Array<[string, string]>>();
  readonly stats: ResolutionStats;
  private readonly indexAnswers = new Map<string, string | null>();

  constructor(
    private readonly plan: TransformPlan,
    private readonly store: StagingStore,
    /** where `| file` paths are read from: a file that is not there rejects its record at staging */
    private readonly exportDir?: string,
    /** Odoo lookup keys already noted while the rows were prepared */
    pendingOdooLookups: Map<string, Set<string>> = new Map(),
  ) {
    this.stats = { pendingOdooLookups, placeholders: 0, queued: 0 };
    this.index = policyIndex(plan);
    this.lookups = new Map(plan.lookups.map((l) => [l.name, l]));
    for (const mapping of plan.mappings) {
      if (!this.primaryMapping.has(mapping.source) || mapping.guard?.kind !== "requires")
        this.primaryMapping.set(mapping.source, mapping.id);
      const siblings = plan.mappings.filter((m) => m.source === mapping.source);
      const exclusive = siblings.every((m) => m.guard || m.where);
      this.candidates.set(
        mapping.id,
        exclusive ? [mapping.id, ...siblings.filter((m) => m.id !== mapping.id).map((m) => m.id)] : [mapping.id],
      );
      const links = mapping.assignments
        .filter((a) => a.value.kind === "link")
        .map((a) => [a.fields[0] ?? "", a.fields[1] ?? ""] as [string, string]);
      this.linkFields.set(mapping.id, links);
    }
  }

  /** The staged record a mapping made of a key, or the one an alternative or split of it made. */
  findStaged(mapping: string, key: string): string | undefined {
    for (const candidate of this.candidates.get(mapping) ?? [mapping]) {
      const found = this.store.resolveRecord(this.plan.target.externalIdModule, candidate, key);
      if (found) return found;
    }
    return undefined;
  }

  /** The record a ref or link points to: staged now, or else loaded by an earlier run (findLoaded). */
  private findTarget(mapping: string, key: string): string | undefined {
    return this.findStaged(mapping, key) ?? this.findLoaded(mapping, key);
  }

  /**
   * A record an earlier run of this run folder loaded into Odoo and this export no longer holds (a delta
   * against a newer export, a re-run of a partial one): a reference still points at it instead of emptying
   * the field in Odoo. A record this export holds but rejected is not one: the miss says why it failed.
   */
  private findLoaded(mapping: string, key: string): string | undefined {
    for (const candidate of this.candidates.get(mapping) ?? [mapping]) {
      const id = buildExternalId(this.plan.target.externalIdModule, candidate, key);
      if (this.store.idMapEntry(id) && !this.store.holdsRecord(id)) return id;
    }
    return undefined;
  }

  /** Resolves every reference in a record; throws ReferenceFailure when a `fail` policy is met. */
  resolveRecord(record: StagedRecordRow): {
    values: Record<string, TargetValue>;
    deferred: Record<string, TargetValue>;
  } {
    const values = this.resolveFields(record, record.values);
    this.alignLinkModels(record.mapping, values);
    return { values, deferred: this.resolveFields(record, record.deferred) };
  }

  /**
   * A link's model half was written for the map the spec names; when the record landed through an
   * alternative (helpdesk.ticket instead of project.task), the model must follow it.
   */
  private alignLinkModels(mapping: string, values: Record<string, TargetValue>): void {
    for (const [modelField, idField] of this.linkFields.get(mapping) ?? []) {
      const target = values[idField];
      if (!isObject(target) || typeof target["xmlid"] !== "string") continue;
      const model = this.store.record(target["xmlid"])?.model;
      const current = values[modelField];
      if (!model) continue;
      if (typeof current === "string") values[modelField] = model;
      else if (isLookup(current)) values[modelField] = { lookup: { name: current.lookup.name, key: model } };
    }
  }

  private resolveFields(record: StagedRecordRow, fields: Record<string, TargetValue>): Record<string, TargetValue> {
    const resolved: Record<string, TargetValue> = {};
    for (const [field, value] of Object.entries(fields)) resolved[field] = this.resolveValue(record, field, value);
    return resolved;
  }

  private resolveValue(record: StagedRecordRow, field: string, value: TargetValue): TargetValue {
    if (Array.isArray(value)) {
      // A many2many keeps what resolved, each once (a contact and a user's partner may be the same
      // record); an element that resolves to nothing is simply left out.
      return distinctValues(
        value.map((element) => this.resolveValue(record, field, element)).filter((v) => v !== null),
      );
    }
    if (isRef(value)) return this.resolveRef(record, field, value);
    if (isLookup(value)) return this.resolveLookup(record, field, value);
    if (isLink(value)) return this.resolveLink(record, field, value);
    if (isFile(value) && this.exportDir !== undefined) this.checkFile(field, value.file);
    return value;
  }

  /**
   * A file named by the export but missing from it, outside it or behind a symlink rejects the record
   * now, not mid-load; the loader checks again when it reads the file.
   */
  private checkFile(field: string, path: string): void {
    let absolute: string;
    try {
      absolute = resolveExportPath(this.exportDir!, path);
    } catch (error) {
      const why =
        error instanceof ExportPathError ? error.reason : error instanceof Error ? error.message : String(error);
      throw new ReferenceFailure(field, `file "${path}" is refused: ${why}`);
    }
    const entry = entryAt(absolute);
    if (!entry) throw new ReferenceFailure(field, `file "${path}" is not in the export`);
    if (!entry.isFile()) throw new ReferenceFailure(field, `file "${path}" is not a regular file`);
  }

  private resolveRef(record: StagedRecordRow, field: string, value: RecordReference): TargetValue {
    const key = this.keyText(record, field, value.ref.key);
    if (key === null) return null;
    if (key === undefined) return value;
    const found = this.findTarget(value.ref.mapping, key);
    if (found) return xmlid(found);
    const policy = this.policy(record.mapping, field, `ref:${value.ref.mapping}`);
    return this.miss(
      record,
      field,
      policy,
      { kind: "orphan", target: value.ref.mapping, key, model: this.modelOf(value.ref.mapping) },
      `${value.ref.mapping} "${key}" is not in the export`,
    );
  }

  private resolveLink(record: StagedRecordRow, field: string, value: LinkReference): TargetValue {
    const found = this.findTarget(value.link.mapping, value.link.key);
    if (found) return xmlid(found);
    const source = this.plan.mappings.find((m) => m.id === value.link.mapping)?.source ?? value.link.mapping;
    const skipped = this.store.rowOutcome(source, value.link.key);
    if (skipped?.outcome === "skipped")
      throw new ReferenceSkipped(
        field,
        `its ${source} "${value.link.key}" is skipped: ${skipped.reason ?? "by a rule of the spec"}`,
      );
    const policy = this.index.policies.get(`${record.mapping}\0${field}\0link`) ?? { kind: "fail" };
    const reason = `${value.link.mapping} "${value.link.key}" is not in the export`;
    const result = this.miss(
      record,
      field,
      policy,
      { kind: "orphan", target: value.link.mapping, key: value.link.key, model: value.link.model },
      reason,
    );
    // A link is what anchors a message, an activity or an attachment: queued, the record waits with it
    // instead of landing nowhere (Odoo will not even let an orphaned message be deleted again).
    if (policy.kind === "queue")
      throw new ReferenceFailure(field, `${reason}; held back in the queue until it can be linked`);
    return result;
  }

  private resolveLookup(record: StagedRecordRow, field: string, value: LookupReference): TargetValue {
    const name = value.lookup.name;
    const key = this.keyText(record, field, value.lookup.key);
    if (key === null) return null;
    if (key === undefined) return value;
    const lookup = this.lookups.get(name);
    // ir.model and Odoo lookups are answered by the target database: the loader prefetches them.
    if (answeredByOdoo(lookup)) {
      const pending = this.stats.pendingOdooLookups.get(name) ?? new Set<string>();
      pending.add(key);
      this.stats.pendingOdooLookups.set(name, pending);
      return { lookup: { name, key } };
    }
    const found = lookup.against === "source" ? this.sourceLookup(lookup, key) : this.stagedLookup(lookup, key);
    if (found !== undefined) return found;
    const policy = this.policy(record.mapping, field, `lookup:${name}`);
    const kind: QueueKind = lookup.model === "res.users" ? "owner" : "lookup";
    return this.miss(
      record,
      field,
      policy,
      { kind, target: name, key, model: lookup.model },
      `no ${lookup.target} with ${describeKey(lookup)} "${key}"`,
    );
  }

  private sourceLookup(lookup: TransformPlan["lookups"][number], key: string): TargetValue | undefined {
    const value = this.indexedValue(lookup.name, key);
    if (value === undefined) return undefined;
    // a lookup that takes a column, or a chain over the found row, yields that text, not the record
    if (lookup.take !== undefined || lookup.takeChain !== undefined) return value;
    const mapping = this.primaryMapping.get(lookup.target);
    const found = mapping ? this.findStaged(mapping, value) : undefined;
    return found ? xmlid(found) : undefined;
  }

  /**
   * A source lookup's index entry. The index is complete and fixed once the sources are staged, so answers
   * can be remembered; owners or countries repeat on every row. The memory is bounded so it stays flat.
   */
  private indexedValue(lookup: string, key: string): string | undefined {
    const remembered = this.indexAnswers.get(`${lookup}\0${key}`);
    if (remembered !== undefined) return remembered ?? undefined;
    const value = this.store.lookupIndex(lookup, key);
    if (this.indexAnswers.size >= 10_000) this.indexAnswers.clear();
    this.indexAnswers.set(`${lookup}\0${key}`, value ?? null);
    return value;
  }

  private stagedLookup(lookup: TransformPlan["lookups"][number], key: string): TargetValue | undefined {
    if (lookup.key.kind !== "field") return undefined;
    const externalId = this.store.stagedRecordWith(lookup.model, lookup.key.name, key);
    return externalId ? xmlid(externalId) : undefined;
  }

  /**
   * The text a reference matches on; a chained lookup is resolved first (innermost first). `undefined`
   * when the inner lookup is itself left for Odoo: then the whole chain waits for the loader.
   */
  private keyText(record: StagedRecordRow, field: string, key: ReferenceKey): string | null | undefined {
    if (typeof key === "string") return key;
    const inner = this.resolveLookup(record, field, key);
    if (inner === null) return null;
    if (typeof inner === "string" || typeof inner === "number") return String(inner);
    return undefined;
  }

  private policy(mapping: string, field: string, target: string): MissingPolicy {
    return this.index.policies.get(`${mapping}\0${field}\0${target}`) ?? { kind: "fail" };
  }

  private modelOf(mapping: string): string {
    return this.plan.mappings.find((m) => m.id === mapping)?.model ?? "";
  }

  private miss(
    record: StagedRecordRow,
    field: string,
    policy: MissingPolicy,
    target: { kind: QueueKind; target: string; key: string; model: string },
    reason: string,
  ): TargetValue {
    switch (policy.kind) {
      case "fail":
        throw new ReferenceFailure(field, reason);
      case "empty":
        return null;
      case "default":
        return policy.value;
      case "queue":
        this.stats.queued += 1;
        this.store.addQueue({
          kind: target.kind,
          mapping: record.mapping,
          externalId: record.externalId,
          field,
          target: target.target,
          key: target.key,
          reason: policy.reason || reason,
        });
        return null;
      case "placeholder":
        return xmlid(this.placeholder(record, field, policy.values, target, reason));
    }
  }

  /** One placeholder per target and key, marked as such and listed for review. */
  private placeholder(
    record: StagedRecordRow,
    field: string,
    values: Record<string, PlanLiteral>,
    target: { target: string; key: string; model: string },
    reason: string,
  ): string {
    const externalId = buildExternalId(this.plan.target.externalIdModule, `placeholder_${target.target}`, target.key);
    if (!this.store.record(externalId)) {
      // `name = "Unknown party {key}"`: a placeholder names what it stands in for, so it can be reconciled.
      const filled = placeholderValues(values, target.key, this.lookups.get(target.target));
      this.store.addPlaceholder(externalId, `placeholder:${target.target}`, target.model, target.key, filled);
      this.stats.placeholders += 1;
    }
    this.store.addQueue({
      kind: "placeholder",
      mapping: record.mapping,
      externalId: record.externalId,
      field,
      target: target.target,
      key: target.key,
      reason: `placeholder ${externalId} stands in: ${reason}`,
    });
    return externalId;
  }
}

/** What is at a path, or undefined when nothing is (ENOENT, or ENOTDIR for a file taken as a folder). */
function entryAt(absolute: string): Stats | undefined {
  try {
    return statSync(absolute);
  } catch {
    return undefined;
  }
}

function describeKey(lookup: TransformPlan["lookups"][number]): string {
  return lookup.key.kind === "field" ? lookup.key.name : "key";
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRef(value: unknown): value is RecordReference {
  return isObject(value) && isObject(value["ref"]);
}

function isLookup(value: unknown): value is LookupReference {
  return isObject(value) && isObject(value["lookup"]);
}

function isFile(value: unknown): value is { file: string } {
  return isObject(value) && typeof value["file"] === "string";
}

function isLink(value: unknown): value is LinkReference {
  return isObject(value) && isObject(value["link"]);
}
