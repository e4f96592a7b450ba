// CST → AST. Kept apart from the grammar so the grammar stays readable. Error recovery can leave
// mandatory children out, so every reader here tolerates a missing token and yields an empty name,
// which later stages recognise (`text === ""`) and do not report again.
import type { CstNode, IToken } from "chevrotain";
import type * as A from "./ast.js";
import type * as C from "./cst.js";

export function specFromCst(cst: C.SpecCstNode, file: string, comments: IToken[]): A.Spec {
  const header = headerFromCst(cst.children.header?.[0]);
  return {
    file,
    range: nodeRange(cst),
    header,
    declarations: (cst.children.declaration ?? []).flatMap(declarationFromCst),
    comments: comments.map((token) => ({ text: token.image, range: tokenRange(token) })),
  };
}

const nowhere: A.SourceRange = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

export function tokenRange(token: IToken): A.SourceRange {
  return {
    start: { line: token.startLine ?? 1, column: token.startColumn ?? 1, offset: token.startOffset },
    end: {
      line: token.endLine ?? token.startLine ?? 1,
      column: (token.endColumn ?? token.startColumn ?? 0) + 1,
      offset: (token.endOffset ?? token.startOffset) + 1,
    },
  };
}

function isRealToken(token: IToken | undefined): token is IToken {
  return token !== undefined && !Number.isNaN(token.startOffset) && token.tokenType !== undefined;
}

function collectTokens(node: CstNode, into: IToken[]): void {
  for (const children of Object.values(node.children)) {
    for (const child of children) {
      if ("children" in child) collectTokens(child, into);
      else if (isRealToken(child)) into.push(child);
    }
  }
}

export function nodeRange(node: CstNode | undefined): A.SourceRange {
  if (!node) return nowhere;
  const tokens: IToken[] = [];
  collectTokens(node, tokens);
  if (tokens.length === 0) return nowhere;
  let first = tokens[0]!;
  let last = tokens[0]!;
  for (const token of tokens) {
    if (token.startOffset < first.startOffset) first = token;
    if (token.startOffset > last.startOffset) last = token;
  }
  return { start: tokenRange(first).start, end: tokenRange(last).end };
}

function name(tokens: IToken[] | undefined, fallback: A.SourceRange, index = 0): A.Name {
  const token = tokens?.[index];
  if (!isRealToken(token)) return { text: "", range: { start: fallback.start, end: fallback.start } };
  return { text: token.image, range: tokenRange(token) };
}

function stringName(tokens: IToken[] | undefined, fallback: A.SourceRange, index = 0): A.Name {
  const token = tokens?.[index];
  if (!isRealToken(token)) return { text: "", range: { start: fallback.start, end: fallback.start } };
  return { text: unquote(token.image), range: tokenRange(token) };
}

function optionalString(tokens: IToken[] | undefined): A.Name | undefined {
  const token = tokens?.[0];
  return isRealToken(token) ? { text: unquote(token.image), range: tokenRange(token) } : undefined;
}

/** Turns a string literal's image into its value: JSON escapes plus `\u{1F600}` for astral characters. */
export function unquote(image: string): string {
  const braced = image.replace(/\\u\{([0-9A-Fa-f]{1,6})\}/g, (_, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return code <= 0x10ffff ? JSON.stringify(String.fromCodePoint(code)).slice(1, -1) : "\uFFFD";
  });
  try {
    return JSON.parse(braced) as string;
  } catch {
    return braced.slice(1, -1);
  }
}

function headerFromCst(node: C.HeaderCstNode | undefined): A.Header {
  const range = nodeRange(node);
  const c = node?.children;
  const title = optionalString(c?.title);
  return {
    range,
    system: name(c?.system, range),
    targetVersion: name(c?.version, range),
    ...(title ? { title: { kind: "string" as const, value: title.text, range: title.range } } : {}),
  };
}

function declarationFromCst(node: C.DeclarationCstNode): A.Declaration[] {
  const c = node.children;
  if (c.sourceDecl) return [sourceFromCst(c.sourceDecl[0]!)];
  if (c.lookupDecl) return [lookupFromCst(c.lookupDecl[0]!)];
  if (c.valuesDecl) return [valuesFromCst(c.valuesDecl[0]!)];
  if (c.customDecl) return customFromCst(c.customDecl[0]!);
  if (c.mapDecl) return [mapFromCst(c.mapDecl[0]!)];
  if (c.documentDecl) return [documentFromCst(c.documentDecl[0]!)];
  if (c.recordDecl) return [recordFromCst(c.recordDecl[0]!)];
  if (c.orderDecl) return [orderFromCst(c.orderDecl[0]!)];
  return [];
}

function sourceFromCst(node: C.SourceDeclCstNode): A.SourceDecl {
  const c = node.children;
  const range = nodeRange(node);
  const settings = (c.setting ?? []).map(settingFromCst);
  const skips = (c.skipRule ?? []).map(skipFromCst);
  const columnBlocks = c.columnsBlock ?? [];
  const columns = columnBlocks.flatMap((block) => (block.children.columnDecl ?? []).map(columnFromCst));
  const drops = (c.dropItem ?? []).map(dropFromCst);
  const properties = c.propertiesSource?.[0] ? propertiesSourceFromCst(c.propertiesSource[0]) : undefined;
  const items: A.SourceDecl["items"] = [
    ...settings,
    ...skips,
    ...drops,
    ...(properties ? [properties] : []),
    ...columnBlocks.map((block) => ({ kind: "columns" as const, range: nodeRange(block) })),
  ].sort((a, b) => a.range.start.offset - b.range.start.offset);
  const label = optionalString(c.label);
  const columnsRange = columnBlocks[0] ? nodeRange(columnBlocks[0]) : undefined;
  return {
    kind: "source",
    range,
    name: name(c.name, range),
    ...(label ? { label } : {}),
    format: name(c.format, range),
    path: stringName(c.path, range),
    pathAlternatives: (c.path ?? []).slice(1).map((_, i) => stringName(c.path, range, i + 1)),
    settings,
    columns,
    ...(properties ? { properties } : {}),
    ...(columnsRange ? { columnsRange } : {}),
    skips,
    drops,
    items,
  };
}

function columnFromCst(node: C.ColumnDeclCstNode): A.ColumnDecl {
  const range = nodeRange(node);
  const c = node.children;
  return {
    range,
    column: stringName(c.column, range),
    alternatives: (c.column ?? []).slice(1).map((_, i) => stringName(c.column, range, i + 1)),
    type: name(c.type, range),
    custom: Boolean(c.Custom?.length),
    optional: Boolean(c.Optional?.length),
  };
}

function propertiesSourceFromCst(node: C.PropertiesSourceCstNode): A.PropertiesSource {
  const range = nodeRange(node);
  const c = node.children;
  return {
    kind: "properties",
    range,
    format: name(c.format, range),
    paths: (c.path ?? []).map((_, i) => stringName(c.path, range, i)),
    selector: name(c.selector, range),
    object: stringName(c.object, range),
  };
}

function skipFromCst(node: C.SkipRuleCstNode): A.SkipRule {
  const range = nodeRange(node);
  return {
    kind: "skip",
    range,
    condition: conditionFromCst(node.children.condition?.[0]),
    reason: stringName(node.children.reason, range),
  };
}

function settingFromCst(node: C.SettingCstNode): A.Setting {
  const range = nodeRange(node);
  return {
    kind: "setting",
    range,
    key: name(node.children.key, range),
    values: (node.children.settingValue ?? []).map(settingValueFromCst),
  };
}

function settingValueFromCst(node: C.SettingValueCstNode): A.SettingValue {
  const literal = node.children.literal?.[0];
  if (literal) return literalFromCst(literal);
  return { kind: "name", ...name(node.children.name, nodeRange(node)) };
}

export function literalFromCst(node: C.LiteralCstNode | undefined): A.Literal {
  const range = nodeRange(node);
  const c = node?.children;
  if (c?.string?.[0]) return { kind: "string", value: unquote(c.string[0].image), range };
  if (c?.number?.[0]) {
    const text = c.number[0].image;
    return { kind: "number", value: Number(text), text, range };
  }
  if (c?.boolean?.[0]) return { kind: "boolean", value: c.boolean[0].image === "true", range };
  if (c?.null?.[0]) return { kind: "null", range };
  if (c?.xmlid?.[0]) return { kind: "xmlid", value: unquote(c.xmlid[0].image), range };
  if (c?.record?.[0]) return { kind: "record", value: c.record[0].image, range };
  return { kind: "null", range };
}

function missingPolicyFromCst(node: C.OnMissingCstNode | undefined): A.MissingPolicy | undefined {
  if (!node) return undefined;
  const range = nodeRange(node);
  const c = node.children;
  const policy = c.policy?.[0]?.image;
  switch (policy) {
    case "fail":
    case "empty":
      return { kind: policy, range };
    case "default":
      return { kind: "default", value: literalFromCst(c.literal?.[0]), range };
    case "placeholder":
      return { kind: "placeholder", assignments: (c.assignment ?? []).map(assignmentFromCst), range };
    case "queue": {
      const reason = optionalString(c.reason);
      return { kind: "queue", ...(reason ? { reason } : {}), range };
    }
    default:
      return undefined;
  }
}

function lookupFromCst(node: C.LookupDeclCstNode): A.LookupDecl {
  const c = node.children;
  const range = nodeRange(node);
  const against = (c.against?.[0]?.image ?? "odoo") as A.LookupDecl["against"];
  const onMissing = missingPolicyFromCst(c.onMissing?.[0]);
  // `take "email"` is a column; a chain over several columns or with steps is kept whole
  const takeExpression = c.takeExpression?.[0] ? expressionFromCst(c.takeExpression[0]) : undefined;
  const takeColumn =
    takeExpression?.primary.kind === "column" && takeExpression.steps.length === 0
      ? takeExpression.primary.column
      : undefined;
  const take = takeColumn ?? (c.takeField ? name(c.takeField, range) : undefined);
  const takeChain = takeExpression && !takeColumn ? takeExpression : undefined;
  return {
    kind: "lookup",
    range,
    name: name(c.name, range),
    against,
    target: name(c.target, range),
    key: c.keyExpression
      ? { kind: "expression", expression: expressionFromCst(c.keyExpression[0]) }
      : { kind: "field", name: name(c.keyField, range) },
    ...(take ? { take } : {}),
    ...(takeChain ? { takeChain } : {}),
    ...(onMissing ? { onMissing } : {}),
  };
}

function valueEntryFromCst(node: C.ValueEntryCstNode): A.ValueEntry {
  return {
    range: nodeRange(node),
    from: literalFromCst(node.children.from?.[0]),
    to: literalFromCst(node.children.to?.[0]),
  };
}

function elseFromCst(node: C.ElseEntryCstNode): A.ElsePolicy {
  const range = nodeRange(node);
  const policy = node.children.policy?.[0]?.image;
  if (policy === "fail" || policy === "keep" || policy === "empty") return { kind: policy, range };
  return { kind: "value", value: literalFromCst(node.children.literal?.[0]), range };
}

function valuesFromCst(node: C.ValuesDeclCstNode): A.ValuesDecl {
  const range = nodeRange(node);
  return {
    kind: "values",
    range,
    name: name(node.children.name, range),
    entries: (node.children.valueEntry ?? []).map(valueEntryFromCst),
    elses: (node.children.elseEntry ?? []).map(elseFromCst),
  };
}

function signatureFromCst(node: C.FieldSignatureCstNode): A.FieldSignature {
  const c = node.children;
  const range = nodeRange(node);
  const relation = c.relation?.[0] ? name(c.relation, range) : undefined;
  return {
    range,
    name: name(c.name, range),
    type: name(c.type, range),
    ...(relation ? { relation } : {}),
    label: stringName(c.label, range),
    required: Boolean(c.Required?.length),
    options: (c.valueEntry ?? []).map(valueEntryFromCst),
  };
}

function customFromCst(node: C.CustomDeclCstNode): A.Declaration[] {
  const range = nodeRange(node);
  const field = node.children.customField?.[0];
  if (field) {
    const signature = signatureFromCst(field.children.fieldSignature![0]!);
    const { model, field: fieldName } = splitModelField(signature.name);
    return [{ kind: "customField", range, model, field: { ...signature, name: fieldName } }];
  }
  const model = node.children.customModel?.[0];
  if (!model) return [];
  const c = model.children;
  return [
    {
      kind: "customModel",
      range,
      name: name(c.name, range),
      label: stringName(c.label, range),
      fields: (c.fieldSignature ?? []).map(signatureFromCst),
    },
  ];
}

/** `res.partner.x_tier` names the model `res.partner` and the field `x_tier`. */
function splitModelField(qualified: A.Name): { model: A.Name; field: A.Name } {
  const dot = qualified.text.lastIndexOf(".");
  if (dot < 0) return { model: { text: "", range: qualified.range }, field: qualified };
  const { start } = qualified.range;
  const fieldStart = { line: start.line, column: start.column + dot + 1, offset: start.offset + dot + 1 };
  const modelEnd = { line: start.line, column: start.column + dot, offset: start.offset + dot };
  return {
    model: { text: qualified.text.slice(0, dot), range: { start, end: modelEnd } },
    field: { text: qualified.text.slice(dot + 1), range: { start: fieldStart, end: qualified.range.end } },
  };
}

function mapFromCst(node: C.MapDeclCstNode): A.MapDecl {
  const c = node.children;
  const range = nodeRange(node);
  const alias = c.alias?.[0] ? name(c.alias, range) : undefined;
  const cardinality = c.Cardinality?.[0] ? name(c.Cardinality, range) : undefined;
  const lossy = c.Lossy?.[0] ? { range: tokenRange(c.Lossy[0]) } : undefined;
  const guardToken = c.guard?.[0];
  const guard = guardToken
    ? {
        kind: guardToken.image as "requires" | "unless",
        module: name(c.module, range),
        range: { start: tokenRange(guardToken).start, end: name(c.module, range).range.end },
      }
    : undefined;
  const where = c.condition?.[0] ? conditionFromCst(c.condition[0]) : undefined;
  const intoKey = c.intoKey?.[0];
  const into =
    c.Into?.[0] && intoKey
      ? {
          map: name(c.into, range),
          by: expressionFromCst(intoKey),
          range: { start: tokenRange(c.Into[0]).start, end: nodeRange(intoKey).end },
        }
      : undefined;
  return {
    kind: "map",
    range,
    source: name(c.source, range),
    model: name(c.model, range),
    ...(alias ? { alias } : {}),
    ...(cardinality ? { cardinality } : {}),
    ...(lossy ? { lossy } : {}),
    ...(guard ? { guard } : {}),
    ...(into ? { into } : {}),
    ...(where ? { where } : {}),
    items: (c.mapItem ?? []).flatMap(mapItemFromCst),
  };
}

function dropFromCst(node: C.DropItemCstNode): A.DropItem {
  const range = nodeRange(node);
  const d = node.children;
  return {
    kind: "drop",
    range,
    columns: (d.column ?? []).map((_, i) => stringName(d.column, range, i)),
    reason: stringName(d.reason, range),
  };
}

function mapItemFromCst(node: C.MapItemCstNode): A.MapItem[] {
  const c = node.children;
  const range = nodeRange(node);
  if (c.assignment) return [assignmentFromCst(c.assignment[0]!)];
  if (c.customPropertiesItem) {
    const item = c.customPropertiesItem[0]!;
    return [
      { kind: "customProperties", range: nodeRange(item), prefix: stringName(item.children.prefix, nodeRange(item)) },
    ];
  }
  if (c.dedupeItem) {
    const d = c.dedupeItem[0]!.children;
    const keep = d.keep?.[0] ? name(d.keep, range) : undefined;
    return [{ kind: "dedupe", range, by: expressionFromCst(d.expression?.[0]), ...(keep ? { keep } : {}) }];
  }
  if (c.eachItem)
    return [{ kind: "each", range, expression: expressionFromCst(c.eachItem[0]!.children.expression?.[0]) }];
  if (c.dropItem) return [dropFromCst(c.dropItem[0]!)];
  if (c.lostItem) {
    const d = c.lostItem[0]!.children;
    return [{ kind: "lost", range, what: stringName(d.what, range), reason: stringName(d.reason, range) }];
  }
  if (c.noteItem) return [{ kind: "note", range, text: stringName(c.noteItem[0]!.children.text, range) }];
  return [];
}

function assignmentFromCst(node: C.AssignmentCstNode): A.Assignment {
  const c = node.children;
  const range = nodeRange(node);
  const when = c.condition?.[0] ? conditionFromCst(c.condition[0]) : undefined;
  let value: A.Assignment["value"];
  if (c.linkExpr?.[0]) value = linkFromCst(c.linkExpr[0]);
  else if (c.literal?.[0])
    value = { kind: "constant", literal: literalFromCst(c.literal[0]), range: nodeRange(c.literal[0]) };
  else value = expressionFromCst(c.expression?.[0]);
  return {
    kind: "assignment",
    range,
    targets: (c.target ?? []).map((_, i) => name(c.target, range, i)),
    value,
    adds: Boolean(c.AddsFrom?.length),
    required: Boolean(c.Required?.length),
    deferred: Boolean(c.Deferred?.length),
    ...(when ? { when } : {}),
  };
}

function linkFromCst(node: C.LinkExprCstNode): A.LinkExpression {
  const c = node.children;
  const range = nodeRange(node);
  const onMissing = missingPolicyFromCst(c.onMissing?.[0]);
  const typeColumn = optionalString(c.typeColumn);
  const idColumn = optionalString(c.idColumn);
  return {
    kind: "link",
    range,
    ...(typeColumn ? { typeColumn } : {}),
    ...(idColumn ? { idColumn } : {}),
    cases: (c.linkCase ?? []).map((caseNode) => {
      const caseRange = nodeRange(caseNode);
      return {
        range: caseRange,
        when: stringName(caseNode.children.when, caseRange),
        object: name(caseNode.children.object, caseRange),
      };
    }),
    ...(onMissing ? { onMissing } : {}),
  };
}

function primaryFromCst(node: C.PrimaryCstNode | undefined): A.Primary {
  const range = nodeRange(node);
  const c = node?.children;
  if (c?.Item) return { kind: "item", range };
  const columns = c?.column ?? [];
  if (c?.LParen) return { kind: "columns", range, columns: columns.map((_, i) => stringName(columns, range, i)) };
  return { kind: "column", range, column: stringName(columns, range) };
}

function expressionFromCst(node: C.ExpressionCstNode | undefined): A.Expression {
  const range = nodeRange(node);
  return {
    kind: "expression",
    range,
    primary: primaryFromCst(node?.children.primary?.[0]),
    steps: (node?.children.step ?? []).map(stepFromCst),
  };
}

function stepFromCst(node: C.StepCstNode): A.Step {
  const c = node.children;
  const range = nodeRange(node);
  const op = name(c.op, range);
  const target = name(c.target, range);
  const onMissing = missingPolicyFromCst(c.onMissing?.[0]);
  switch (c.op?.[0]?.tokenType?.name) {
    case "Ref":
      return { kind: "ref", range, target, ...(onMissing ? { onMissing } : {}) };
    case "Lookup":
      return { kind: "lookup", range, target, ...(onMissing ? { onMissing } : {}) };
    case "Map":
      if (c.target) return { kind: "map", range, target };
      break;
  }
  return {
    kind: "transform",
    range,
    name: op,
    args: (c.stepArg ?? []).map((arg) => {
      const argRange = nodeRange(arg);
      const argName = arg.children.name?.[0] ? name(arg.children.name, argRange) : undefined;
      return {
        range: argRange,
        ...(argName ? { name: argName } : {}),
        value: literalFromCst(arg.children.literal?.[0]),
      };
    }),
  };
}

function documentFromCst(node: C.DocumentDeclCstNode): A.DocumentDecl {
  const range = nodeRange(node);
  const label = optionalString(node.children.label);
  return {
    kind: "document",
    range,
    name: name(node.children.name, range),
    ...(label ? { label } : {}),
    settings: (node.children.setting ?? []).map(settingFromCst),
  };
}

function recordFromCst(node: C.RecordDeclCstNode): A.RecordDecl {
  const range = nodeRange(node);
  return {
    kind: "record",
    range,
    model: name(node.children.model, range),
    name: name(node.children.name, range),
    assignments: (node.children.assignment ?? []).map(assignmentFromCst),
  };
}

function orderFromCst(node: C.OrderDeclCstNode): A.OrderDecl {
  const range = nodeRange(node);
  const entries = node.children.entry ?? [];
  return { kind: "order", range, entries: entries.map((_, i) => name(entries, range, i)) };
}

function conditionFromCst(node: C.ConditionCstNode | undefined): A.Condition {
  const range = nodeRange(node);
  const operands = (node?.children.operand ?? []).map(andFromCst);
  return operands.length === 1 ? operands[0]! : { kind: "or", operands, range };
}

function andFromCst(node: C.AndConditionCstNode): A.Condition {
  const operands = (node.children.operand ?? []).map(notFromCst);
  return operands.length === 1 ? operands[0]! : { kind: "and", operands, range: nodeRange(node) };
}

function notFromCst(node: C.NotConditionCstNode): A.Condition {
  const range = nodeRange(node);
  const negated = node.children.negated?.[0];
  if (negated) return { kind: "not", operand: notFromCst(negated), range };
  return atomFromCst(node.children.atomCondition?.[0]);
}

function atomFromCst(node: C.AtomConditionCstNode | undefined): A.Condition {
  const range = nodeRange(node);
  const c = node?.children;
  if (c?.condition?.[0]) return { kind: "group", condition: conditionFromCst(c.condition[0]), range };
  if (c?.Installed) return { kind: "installed", module: name(c.module, range), range };
  const subject = primaryFromCst(c?.subject?.[0]);
  const through = (c?.through ?? []).map((_, index) => name(c?.through, range, index));
  const comparison = c?.comparison?.[0]?.children;
  const op = comparison?.op?.[0]?.image;
  const literals = (comparison?.literal ?? []).map(literalFromCst);
  if (op === "in")
    return { kind: "in", subject, through, values: literals, negated: Boolean(comparison?.notIn?.length), range };
  if (op === "is") return { kind: "empty", subject, through, negated: Boolean(comparison?.Not?.length), range };
  return {
    kind: "compare",
    subject,
    through,
    op: op === "!=" ? "!=" : "==",
    value: literals[0] ?? { kind: "null", range },
    range,
  };
}
