// What every check needs: the spec's declarations by name, the target catalog, and a place to report.
import type * as A from "../grammar/ast.js";
import { diagnostic, type Diagnostic, type DiagnosticCode } from "../diagnostics/index.js";
import { readableSlug } from "../plan/external-ids.js";
import type { CatalogField, CatalogModel, OdooCatalog } from "./catalog/index.js";
import { literalString, planLiteral } from "./literals.js";
import type { PlanLiteral } from "../plan/types.js";

/** The external id of a record the spec declares (`record crm.tag as TicketTag { … }`). */
export function recordXmlid(module: string, name: string): string {
  return `${module}.record_${readableSlug(name)}`;
}

export interface SymbolTable {
  sources: Map<string, A.SourceDecl>;
  lookups: Map<string, A.LookupDecl>;
  valueMaps: Map<string, A.ValuesDecl>;
  customFields: Map<string, A.CustomFieldDecl>;
  customModels: Map<string, A.CustomModelDecl>;
  /** by mapping id: the alias, or the source name */
  maps: Map<string, A.MapDecl>;
  /** source name → its mappings, in declaration order */
  mapsBySource: Map<string, A.MapDecl[]>;
  documents: Map<string, A.DocumentDecl>;
  records: Map<string, A.RecordDecl>;
}

export class CompileContext {
  readonly diagnostics: Diagnostic[] = [];
  /** custom fields some map writes, as `model.field` */
  readonly usedCustomFields = new Set<string>();
  readonly usedNames = new Set<string>();
  /** source object → the columns something reads, for coverage */
  readonly usedColumns = new Map<string, Set<string>>();

  constructor(
    readonly file: string,
    readonly symbols: SymbolTable,
    /** undefined when the spec names a version we have no catalog for: target checks are skipped */
    readonly catalog: OdooCatalog | undefined,
    /** the external-id module of everything this spec creates, e.g. `mapc_smartdesk` */
    readonly module = "mapc",
  ) {}

  /** A constant as the plan carries it: `record X` becomes the external id apply-schema gives X. */
  literal(literal: A.LiteralValue): PlanLiteral {
    if (literal.kind === "record") return { xmlid: recordXmlid(this.module, literal.value) };
    return planLiteral(literal);
  }

  report(code: DiagnosticCode, range: A.SourceRange, args: Record<string, string | number> = {}, hint?: string): void {
    this.diagnostics.push(diagnostic(code, this.file, range, args, hint));
  }

  /** the map being lowered, so a column read can be told apart from one the same map drops */
  currentMap: string | undefined;
  /** `${map}\0${column}` for every column a map reads */
  readonly columnsReadByMap = new Set<string>();

  markColumnUsed(source: string, column: string): void {
    const set = this.usedColumns.get(source) ?? new Set<string>();
    set.add(column);
    this.usedColumns.set(source, set);
    if (this.currentMap !== undefined) this.columnsReadByMap.add(`${this.currentMap}\0${column}`);
  }

  get version(): string {
    return this.catalog?.version ?? "?";
  }

  customModel(model: string): A.CustomModelDecl | undefined {
    return this.symbols.customModels.get(model);
  }

  /** A model the target will have: from the catalog or declared as a custom model. */
  hasModel(model: string): boolean {
    return this.symbols.customModels.has(model) || (this.catalog?.hasModel(model) ?? false);
  }

  modelLabel(model: string): string {
    return this.symbols.customModels.get(model)?.label.text ?? this.catalog?.models.get(model)?.label ?? model;
  }

  /** The field as the target will have it: a declared custom field wins over the catalog. */
  field(model: string, name: string): CatalogField | undefined {
    const custom = this.customFieldSignature(model, name);
    if (custom) return customFieldInfo(custom);
    return this.catalog?.field(model, name);
  }

  /** Fields every record of the model must be given: required, with no default Odoo fills in itself. */
  requiredFields(model: string): CatalogField[] {
    return this.fieldNames(model)
      .map((name) => this.field(model, name)!)
      .filter((f) => f.required && !f.serverDefault && f.type !== "one2many" && f.type !== "many2many");
  }

  fieldNames(model: string): string[] {
    const names = new Set<string>(this.catalog?.models.get(model)?.fields.keys() ?? []);
    for (const decl of this.symbols.customFields.values())
      if (decl.model.text === model) names.add(decl.field.name.text);
    for (const f of this.symbols.customModels.get(model)?.fields ?? []) names.add(f.name.text);
    return [...names];
  }

  catalogModel(model: string): CatalogModel | undefined {
    return this.catalog?.models.get(model);
  }

  private customFieldSignature(model: string, name: string): A.FieldSignature | undefined {
    const onModel = this.symbols.customModels.get(model)?.fields.find((f) => f.name.text === name);
    return onModel ?? this.symbols.customFields.get(`${model}.${name}`)?.field;
  }
}

function customFieldInfo(signature: A.FieldSignature): CatalogField {
  return {
    name: signature.name.text,
    type: signature.type.text as CatalogField["type"],
    label: signature.label.text,
    required: signature.required,
    readonly: false,
    stored: true,
    computed: false,
    related: null,
    ...(signature.relation ? { relation: signature.relation.text } : {}),
    ...(signature.options.length > 0
      ? { selection: signature.options.map((o) => [literalString(o.from), literalString(o.to)] as [string, string]) }
      : {}),
    write: "ok",
    modules: [],
  };
}

/** The name a mapping is known by: its alias, else its source object. */
export function mappingId(map: A.MapDecl): string {
  return map.alias?.text ?? map.source.text;
}
