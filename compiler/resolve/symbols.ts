// Collects the spec's declarations by name. A name declared twice is reported once, at the second place.
import type * as A from "../../grammar/ast.js";
import { diagnostic, type Diagnostic } from "../../diagnostics/index.js";
import { mappingId, type SymbolTable } from "../context.js";

export function collectSymbols(spec: A.Spec): { symbols: SymbolTable; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const symbols: SymbolTable = {
    sources: new Map(),
    lookups: new Map(),
    valueMaps: new Map(),
    customFields: new Map(),
    customModels: new Map(),
    maps: new Map(),
    mapsBySource: new Map(),
    documents: new Map(),
    records: new Map(),
  };

  function add<T>(table: Map<string, T>, key: string, value: T, kind: string, name: A.Name): void {
    if (key === "") return;
    if (table.has(key)) diagnostics.push(diagnostic("MC2002", spec.file, name.range, { kind, name: key }));
    else table.set(key, value);
  }

  for (const d of spec.declarations) {
    switch (d.kind) {
      case "source":
        add(symbols.sources, d.name.text, d, "Source", d.name);
        break;
      case "lookup":
        add(symbols.lookups, d.name.text, d, "Lookup", d.name);
        break;
      case "values":
        add(symbols.valueMaps, d.name.text, d, "Value map", d.name);
        break;
      case "customField":
        add(symbols.customFields, `${d.model.text}.${d.field.name.text}`, d, "Custom field", d.field.name);
        break;
      case "customModel":
        add(symbols.customModels, d.name.text, d, "Custom model", d.name);
        break;
      case "document":
        add(symbols.documents, d.name.text, d, "Document row", d.name);
        break;
      case "map": {
        const id = mappingId(d);
        if (symbols.maps.has(id)) {
          diagnostics.push(diagnostic("MC2311", spec.file, (d.alias ?? d.source).range, { name: id }));
        } else if (id !== "") {
          symbols.maps.set(id, d);
        }
        const list = symbols.mapsBySource.get(d.source.text) ?? [];
        list.push(d);
        symbols.mapsBySource.set(d.source.text, list);
        break;
      }
      case "record":
        add(symbols.records, d.name.text, d, "Record", d.name);
        break;
      case "order":
        break;
    }
  }
  return { symbols, diagnostics };
}
