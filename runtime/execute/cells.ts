// Reading a source row's cells as their declared column types. Coercion happens when a cell is first
// read, so a malformed cell in a column the spec drops never rejects a record.
import type { ColumnType, PlanSource } from "../../plan/types.js";
import {
  coerceColumn,
  coercionSettingsOf,
  isEmptyValue,
  textOf,
  TransformError,
  type CoercionSettings,
} from "../transforms/index.js";
import type { SourceRow } from "./types.js";

/** A source object as the executor needs it; generated code spells one out per source. */
export interface SourceShape {
  name: string;
  key: readonly string[];
  columns: Readonly<Record<string, ColumnType>>;
  settings: CoercionSettings;
}

export type CellReader = (column: string) => unknown;

export function sourceShapeOf(source: PlanSource): SourceShape {
  return {
    name: source.name,
    key: source.key,
    columns: Object.fromEntries(source.columns.map((column) => [column.name, column.type])),
    settings: coercionSettingsOf(source.settings),
  };
}

export function cellsOf(shape: SourceShape, row: SourceRow): CellReader {
  const read = new Map<string, unknown>();
  return (column) => {
    const value = read.get(column);
    if (value !== undefined || read.has(column)) return value;
    const coerced = coerceCell(shape, row, column);
    read.set(column, coerced);
    return coerced;
  };
}

function coerceCell(shape: SourceShape, row: SourceRow, column: string): unknown {
  const type = shape.columns[column];
  if (type === undefined)
    throw new Error(`The plan reads column "${column}", which source ${shape.name} does not declare.`);
  try {
    return coerceColumn(row[column], type, shape.settings);
  } catch (error) {
    if (error instanceof TransformError) throw new TransformError(`column "${column}": ${error.message}`);
    throw error;
  }
}

/** The key column values joined by "|"; a record without a key cannot get an external id. */
export function sourceKeyOf(cell: CellReader, keyColumns: readonly string[]): string {
  return keyColumns.map((column) => keyPart(cell, column)).join("|");
}

/** By string form, the same form a `ref` builds its key with, so references meet their records. */
function keyPart(cell: CellReader, column: string): string {
  const value = cell(column);
  if (isEmptyValue(value)) throw new TransformError(`key column "${column}" is empty`);
  return textOf(value);
}
