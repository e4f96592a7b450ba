// `mapc fmt`: prints a syntax tree in canonical form. Comments stay where they were (before the statement
// they preceded, or at the end of its line); a run of blank lines becomes one; indentation is two spaces.
// Formatting the output again changes nothing.
import type * as A from "./ast.js";

export function formatSpec(spec: A.Spec): string {
  const printer = new Printer(spec.comments);
  printHeader(printer, spec.header);
  for (const declaration of spec.declarations) printDeclaration(printer, declaration);
  printer.flushComments(Number.POSITIVE_INFINITY);
  return printer.text();
}

class Printer {
  private readonly out: string[] = [];
  private depth = 0;
  private lastLine = 0;
  private pending: A.Comment[];

  constructor(comments: readonly A.Comment[]) {
    this.pending = [...comments].sort((a, b) => a.range.start.offset - b.range.start.offset);
  }

  /** One output line for a construct that starts at `range`; `trailingLine` is the source line whose end comment belongs to it. */
  line(text: string, range: A.SourceRange, trailingLine = range.end.line): void {
    this.flushComments(range.start.offset);
    this.blankLineBefore(range.start.line);
    const trailing = this.takeTrailingComment(trailingLine, range.start.offset);
    this.emit(trailing ? `${text}  ${trailing.text}` : text);
    this.lastLine = Math.max(range.end.line, trailingLine);
  }

  open(text: string, range: A.SourceRange): void {
    this.line(`${text} {`, range, range.start.line);
    this.lastLine = range.start.line;
    this.depth += 1;
  }

  close(range: A.SourceRange, suffix = ""): void {
    this.flushComments(range.end.offset);
    this.depth -= 1;
    this.emit(`}${suffix}`);
    this.lastLine = range.end.line;
  }

  /** Separates two top-level blocks by exactly one blank line, whatever the source had. */
  separate(): void {
    if (this.out.length > 0 && this.out.at(-1) !== "") this.out.push("");
  }

  flushComments(beforeOffset: number): void {
    while (this.pending.length > 0 && this.pending[0]!.range.start.offset < beforeOffset) {
      const comment = this.pending.shift()!;
      this.blankLineBefore(comment.range.start.line);
      this.emit(comment.text);
      this.lastLine = comment.range.start.line;
    }
  }

  private takeTrailingComment(line: number, afterOffset: number): A.Comment | undefined {
    const index = this.pending.findIndex((c) => c.range.start.line === line && c.range.start.offset >= afterOffset);
    if (index < 0) return undefined;
    // Comments before it on the same line cannot exist (a comment runs to the end of its line).
    return this.pending.splice(index, 1)[0];
  }

  private blankLineBefore(sourceLine: number): void {
    const previous = this.out.at(-1);
    const afterOpen = previous === undefined || previous.endsWith("{") || previous === "";
    if (this.lastLine > 0 && sourceLine > this.lastLine + 1 && !afterOpen) this.out.push("");
  }

  private emit(text: string): void {
    this.out.push(`${"  ".repeat(this.depth)}${text}`.trimEnd());
  }

  text(): string {
    while (this.out.at(-1) === "") this.out.pop();
    return `${this.out.join("\n")}\n`;
  }
}

export function quote(text: string): string {
  return JSON.stringify(text);
}

export function literalText(literal: A.LiteralValue): string {
  switch (literal.kind) {
    case "string":
      return quote(literal.value);
    case "number":
      return literal.text;
    case "boolean":
      return String(literal.value);
    case "null":
      return "null";
    case "xmlid":
      return `xmlid ${quote(literal.value)}`;
    case "record":
      return `record ${literal.value}`;
  }
}

function printHeader(p: Printer, header: A.Header): void {
  const title = header.title ? ` ${quote(header.title.value)}` : "";
  p.line(`mapping ${header.system.text} -> odoo ${header.targetVersion.text}${title}`, header.range);
}

const blockKinds = new Set<A.Declaration["kind"]>(["source", "values", "customModel", "map", "document", "record"]);

function printDeclaration(p: Printer, d: A.Declaration): void {
  if (blockKinds.has(d.kind) || (d.kind === "customField" && d.field.options.length > 0)) {
    // The blank line goes above the comments that lead into the block, not between them and it.
    p.separate();
  }
  switch (d.kind) {
    case "source":
      return printSource(p, d);
    case "lookup":
      return printLookup(p, d);
    case "values":
      return printValues(p, d);
    case "customField":
      return printSignature(p, `custom field ${d.model.text}.`, d.field);
    case "customModel":
      p.open(`custom model ${d.name.text} ${quote(d.label.text)}`, d.range);
      for (const field of d.fields) printSignature(p, "field ", field);
      return p.close(d.range);
    case "map":
      return printMap(p, d);
    case "document":
      p.open(`document ${d.name.text}${d.label ? ` ${quote(d.label.text)}` : ""}`, d.range);
      for (const setting of d.settings) p.line(settingText(setting), setting.range);
      return p.close(d.range);
    case "record":
      p.open(`record ${d.model.text} as ${d.name.text}`, d.range);
      for (const a of d.assignments) printAssignment(p, a);
      return p.close(d.range);
    case "order":
      return p.line(`order ${d.entries.map((e) => e.text).join(", ")}`, d.range);
  }
}

function settingText(setting: A.Setting): string {
  const values = setting.values.map((v) => (v.kind === "name" ? v.text : literalText(v)));
  return `${setting.key.text} ${values.join(", ")}`;
}

function printSource(p: Printer, d: A.SourceDecl): void {
  const label = d.label ? ` ${quote(d.label.text)}` : "";
  const paths = [d.path, ...d.pathAlternatives].map((path) => quote(path.text)).join(" or ");
  p.open(`source ${d.name.text}${label} from ${d.format.text} ${paths}`, d.range);
  for (const item of d.items) {
    if (item.kind === "setting") p.line(settingText(item), item.range);
    else if (item.kind === "properties") p.line(propertiesSourceText(item), item.range);
    else if (item.kind === "skip")
      p.line(`skip when ${conditionText(item.condition)} because ${quote(item.reason.text)}`, item.range);
    else if (item.kind === "drop") printMapItem(p, item);
    else
      printColumns(
        p,
        d.columns.filter((c) => within(c.range, item.range)),
        item.range,
      );
  }
  p.close(d.range);
}

function propertiesSourceText(item: A.PropertiesSource): string {
  const paths = item.paths.map((path) => quote(path.text)).join(" or ");
  return `custom properties from ${item.format.text} ${paths} ${item.selector.text} ${quote(item.object.text)}`;
}

function within(inner: A.SourceRange, outer: A.SourceRange): boolean {
  return inner.start.offset >= outer.start.offset && inner.end.offset <= outer.end.offset;
}

const ALIGN_LIMIT = 80;

function printColumns(p: Printer, columns: readonly A.ColumnDecl[], range: A.SourceRange): void {
  p.open("columns", range);
  const names = (c: A.ColumnDecl) => [c.column, ...c.alternatives].map((n) => quote(n.text)).join(" or ");
  // Types line up in one column, but a name far longer than the rest (a filtered list column) does not push
  // every other line out: it keeps a single space before its type.
  const width = Math.max(0, ...columns.map((c) => names(c).length + 1).filter((length) => length <= ALIGN_LIMIT));
  for (const column of columns) {
    p.line(
      `${`${names(column)}:`.padEnd(width)} ${column.type.text}${column.custom ? " custom" : ""}${column.optional ? " optional" : ""}`,
      column.range,
    );
  }
  p.close(range);
}

function printLookup(p: Printer, d: A.LookupDecl): void {
  const key = d.key.kind === "expression" ? expressionText(d.key.expression) : d.key.name.text;
  const take = d.takeChain
    ? ` take ${expressionText(d.takeChain)}`
    : d.take
      ? ` take ${d.against === "source" ? quote(d.take.text) : d.take.text}`
      : "";
  const head = `lookup ${d.name.text} in ${d.against} ${d.target.text} by ${key}${take}`;
  printWithMissing(p, head, d.onMissing, d.range);
}

/** Prints `head on missing …`; a placeholder opens a block, so it spans lines. */
function printWithMissing(p: Printer, head: string, policy: A.MissingPolicy | undefined, range: A.SourceRange): void {
  if (policy?.kind !== "placeholder") {
    p.line(policy ? `${head} ${missingText(policy)}` : head, range);
    return;
  }
  p.open(`${head} on missing placeholder`, range);
  for (const a of policy.assignments) printAssignment(p, a);
  p.close(policy.range);
}

function missingText(policy: A.MissingPolicy): string {
  switch (policy.kind) {
    case "fail":
    case "empty":
      return `on missing ${policy.kind}`;
    case "default":
      return `on missing default ${literalText(policy.value)}`;
    case "queue":
      return policy.reason ? `on missing queue ${quote(policy.reason.text)}` : "on missing queue";
    case "placeholder":
      return `on missing placeholder { ${policy.assignments.map((a) => `${a.targets.map((t) => t.text).join(", ")} ${valueText(a)}`).join(", ")} }`;
  }
}

function printValues(p: Printer, d: A.ValuesDecl): void {
  p.open(`values ${d.name.text}`, d.range);
  for (const entry of d.entries) p.line(`${literalText(entry.from)} => ${literalText(entry.to)}`, entry.range);
  for (const policy of d.elses) {
    const text = policy.kind === "value" ? literalText(policy.value) : policy.kind;
    p.line(`else => ${text}`, policy.range);
  }
  p.close(d.range);
}

function printSignature(p: Printer, prefix: string, s: A.FieldSignature): void {
  const relation = s.relation ? ` ${s.relation.text}` : "";
  const head = `${prefix}${s.name.text}: ${s.type.text}${relation} ${quote(s.label.text)}${s.required ? " required" : ""}`;
  if (s.options.length === 0) return p.line(head, s.range);
  p.open(head, s.range);
  for (const option of s.options) p.line(`${literalText(option.from)} => ${literalText(option.to)}`, option.range);
  p.close(s.range);
}

function printMap(p: Printer, d: A.MapDecl): void {
  const parts = [`map ${d.source.text} -> ${d.model.text}`];
  if (d.alias) parts.push(`as ${d.alias.text}`);
  if (d.cardinality) parts.push(d.cardinality.text);
  if (d.lossy) parts.push("lossy");
  if (d.guard) parts.push(`${d.guard.kind} ${d.guard.module.text}`);
  if (d.into) parts.push(`into ${d.into.map.text} by ${expressionText(d.into.by)}`);
  if (d.where) parts.push(`where ${conditionText(d.where)}`);
  p.open(parts.join(" "), d.range);
  for (const item of d.items) printMapItem(p, item);
  p.close(d.range);
}

function printMapItem(p: Printer, item: A.MapItem): void {
  switch (item.kind) {
    case "assignment":
      return printAssignment(p, item);
    case "dedupe":
      return p.line(`dedupe by ${expressionText(item.by)}${item.keep ? ` keep ${item.keep.text}` : ""}`, item.range);
    case "each":
      return p.line(`each ${expressionText(item.expression)}`, item.range);
    case "drop":
      return p.line(
        `drop ${item.columns.map((c) => quote(c.text)).join(", ")} because ${quote(item.reason.text)}`,
        item.range,
      );
    case "lost":
      return p.line(`lost ${quote(item.what.text)} because ${quote(item.reason.text)}`, item.range);
    case "note":
      return p.line(`note ${quote(item.text.text)}`, item.range);
    case "customProperties":
      return p.line(`custom properties prefix ${quote(item.prefix.text)}`, item.range);
  }
}

function assignmentTail(a: A.Assignment): string {
  return `${a.required ? " required" : ""}${a.deferred ? " deferred" : ""}${a.when ? ` when ${conditionText(a.when)}` : ""}`;
}

function printAssignment(p: Printer, a: A.Assignment): void {
  const targets = a.targets.map((t) => t.text).join(", ");
  if (a.value.kind !== "link") {
    p.line(`${targets} ${valueText(a)}${assignmentTail(a)}`, a.range);
    return;
  }
  const link = a.value;
  const head = link.typeColumn
    ? `link ${quote(link.typeColumn.text)}, ${quote(link.idColumn?.text ?? "")}`
    : "link first";
  p.open(`${targets} <- ${head}`, a.range);
  for (const c of link.cases) p.line(`${quote(c.when.text)} => ${c.object.text}`, c.range);
  const missing = link.onMissing ? ` ${missingText(link.onMissing)}` : "";
  p.close(link.range, `${missing}${assignmentTail(a)}`);
}

function valueText(a: A.Assignment): string {
  if (a.value.kind === "constant") return `= ${literalText(a.value.literal)}`;
  if (a.value.kind === "expression") return `${a.adds ? "+=" : "<-"} ${expressionText(a.value)}`;
  return "<- link";
}

export function primaryText(primary: A.Primary): string {
  switch (primary.kind) {
    case "column":
      return quote(primary.column.text);
    case "columns":
      return `(${primary.columns.map((c) => quote(c.text)).join(", ")})`;
    case "item":
      return "item";
  }
}

export function expressionText(e: A.Expression): string {
  return [primaryText(e.primary), ...e.steps.map(stepText)].join(" | ");
}

export function stepText(step: A.Step): string {
  switch (step.kind) {
    case "ref":
    case "lookup":
      return `${step.kind} ${step.target.text}${step.onMissing ? ` ${missingText(step.onMissing)}` : ""}`;
    case "map":
      return `map ${step.target.text}`;
    case "transform": {
      const args = step.args.map((arg) =>
        arg.name ? `${arg.name.text}: ${literalText(arg.value)}` : literalText(arg.value),
      );
      return [step.name.text, ...args].join(" ");
    }
  }
}

export function conditionText(c: A.Condition): string {
  switch (c.kind) {
    case "or":
      return c.operands.map(conditionText).join(" or ");
    case "and":
      return c.operands.map(conditionText).join(" and ");
    case "not":
      return `not ${conditionText(c.operand)}`;
    case "group":
      return `(${conditionText(c.condition)})`;
    case "installed":
      return `installed ${c.module.text}`;
    case "compare":
      return `${subjectText(c)} ${c.op} ${literalText(c.value)}`;
    case "in":
      return `${subjectText(c)} ${c.negated ? "not in" : "in"} (${c.values.map(literalText).join(", ")})`;
    case "empty":
      return `${subjectText(c)} is ${c.negated ? "not " : ""}empty`;
  }
}

/** A comparison's subject, with the lookups its value goes through: `"type_id" | lookup TypeFlag`. */
function subjectText(c: { subject: A.Primary; through: A.Name[] }): string {
  return [primaryText(c.subject), ...c.through.map((t) => `lookup ${t.text}`)].join(" | ");
}
