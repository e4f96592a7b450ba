// The Odoo field catalogs as typed values. A version is a folder of catalogs/odoo holding an index.json:
// adding one is a data change only. Loaded catalogs are cached and frozen, so every check shares one copy.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../../plan/package-root.js";
import {
  CatalogFormatError,
  readIndex,
  readJsonIfPresent,
  readKnownModels,
  readModelFile,
  readReferenceData,
  readServerDefaults,
  type KnownModelsFile,
} from "./read.js";
import type {
  CatalogField,
  CatalogModel,
  KnownMissingModel,
  OdooCatalog,
  ReferenceRecord,
  RenamedField,
} from "./types.js";

export { closestNames, editDistance } from "./closest-names.js";
export { packageRoot } from "../../plan/package-root.js";
export { CatalogFormatError } from "./read.js";
export {
  odooFieldTypes,
  type CatalogField,
  type CatalogModel,
  type KnownMissingModel,
  type OdooCatalog,
  type OdooFieldType,
  type ReferenceRecord,
  type RenamedField,
  type WriteVerdict,
} from "./types.js";

/** A spec names a version no catalog exists for. */
export class CatalogNotFoundError extends Error {
  constructor(
    readonly version: string,
    readonly available: readonly string[],
  ) {
    super(`no Odoo catalog for version "${version}": catalogs exist for ${available.join(", ") || "no version"}`);
    this.name = "CatalogNotFoundError";
  }
}

/** The folder holding one sub-folder per Odoo version, plus known-models.json. */
export function catalogDirectory(): string {
  return join(packageRoot(), "catalogs", "odoo");
}

/** The versions a catalog exists for, oldest first: "16.0", "17.0", … */
export function availableCatalogVersions(): string[] {
  const root = catalogDirectory();
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(join(root, entry.name)).includes("index.json"))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

const loaded = new Map<string, OdooCatalog>();
let knownModels: KnownModelsFile | undefined;

/** The catalog of one Odoo version, e.g. "17.0"; throws CatalogNotFoundError for a version without one. */
export function loadCatalog(version: string): OdooCatalog {
  const cached = loaded.get(version);
  if (cached) return cached;
  const available = availableCatalogVersions();
  if (!available.includes(version)) throw new CatalogNotFoundError(version, available);
  const catalog = readCatalog(version);
  loaded.set(version, catalog);
  return catalog;
}

function readCatalog(version: string): OdooCatalog {
  const dir = join(catalogDirectory(), version);
  const indexFile = join(dir, "index.json");
  const index = readIndex(indexFile);
  if (index.series !== version) {
    throw new CatalogFormatError(indexFile, `server_serie is "${index.series}" but the folder is "${version}"`);
  }

  const defaultsFile = join(dir, "server-defaults.json");
  const serverDefaults = readJsonIfPresent(defaultsFile, readServerDefaults) ?? new Map<string, Map<string, string>>();
  const models = new Map<string, CatalogModel>();
  for (const name of index.models) {
    const file = join(dir, `${name}.json`);
    const raw = readModelFile(file);
    if (raw.model !== name)
      throw new CatalogFormatError(file, `holds model "${raw.model}", index.json expects "${name}"`);
    const defaults = serverDefaults.get(name);
    const fields = new Map<string, CatalogField>();
    for (const field of raw.fields) {
      const reason = defaults?.get(field.name);
      fields.set(field.name, freezeField(reason === undefined ? field : { ...field, serverDefault: reason }));
    }
    models.set(
      name,
      Object.freeze({ model: name, label: raw.label, modules: Object.freeze(raw.modules) as string[], fields }),
    );
  }
  checkServerDefaults(defaultsFile, serverDefaults, models);

  const referenceData =
    readJsonIfPresent(join(dir, "reference-data.json"), readReferenceData) ?? new Map<string, ReferenceRecord[]>();
  const byXmlid = new Map<string, { model: string; record: ReferenceRecord }>();
  for (const [model, records] of referenceData) {
    Object.freeze(records);
    for (const record of records) byXmlid.set(record.xmlid, Object.freeze({ model, record }));
  }

  knownModels ??= readKnownModels(join(catalogDirectory(), "known-models.json"));
  const knownMissing = new Map<string, KnownMissingModel>(
    knownModels.models.filter((m) => !models.has(m.model)).map((m) => [m.model, freezeKnownModel(m)]),
  );
  const renamedFields: RenamedField[] = Object.freeze(
    knownModels.renamedFields.filter((r) => !models.get(r.model)?.fields.has(r.field)).map((r) => Object.freeze(r)),
  ) as RenamedField[];

  return Object.freeze({
    version,
    serverVersion: index.serverVersion,
    models,
    referenceData,
    knownMissing,
    renamedFields,
    field: (model: string, name: string) => models.get(model)?.fields.get(name),
    hasModel: (model: string) => models.has(model),
    findXmlid: (xmlid: string) => byXmlid.get(xmlid),
  });
}

/** A server default for a field the catalog lacks, or does not mark required, is a stale file: refuse it. */
function checkServerDefaults(
  file: string,
  defaults: Map<string, Map<string, string>>,
  models: Map<string, CatalogModel>,
): void {
  for (const [model, fields] of defaults) {
    const known = models.get(model);
    if (!known) throw new CatalogFormatError(file, `model "${model}" is not in this catalog`);
    for (const name of fields.keys()) {
      const field = known.fields.get(name);
      if (!field) throw new CatalogFormatError(file, `field "${model}.${name}" is not in this catalog`);
      if (!field.required)
        throw new CatalogFormatError(file, `field "${model}.${name}" is not required in this catalog`);
    }
  }
}

function freezeField(field: CatalogField): CatalogField {
  Object.freeze(field.modules);
  if (field.selection) for (const pair of Object.freeze(field.selection)) Object.freeze(pair);
  return Object.freeze(field);
}

function freezeKnownModel(model: KnownMissingModel): KnownMissingModel {
  for (const fallback of model.fallbacks) Object.freeze(fallback);
  Object.freeze(model.fallbacks);
  return Object.freeze(model);
}
