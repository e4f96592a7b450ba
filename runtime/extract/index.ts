// extract: a source export → its records, streamed. In: a PlanSource and the export folder. Out: one
// SourceRecord at a time, with exactly the declared columns and the file/row/line it came from.
// Problems that make a source unreadable (a missing file, a missing column, broken JSON) throw a
// SourceReadError before or while rows flow; a malformed row is yielded with `problem` set.
export { ExportPathError, readExportFile, resolveExportPath } from "./export-paths.js";
export {
  extractMessages,
  sourceProblem,
  SourceReadError,
  type ExtractCode,
  type ProblemSeverity,
  type SourceProblem,
} from "./problems.js";
export type { ReadSourceOptions, SourceLocation, SourceRecord } from "./types.js";
export { readInventory, type InventoryItems } from "./inventory.js";
export { columnNames, labelMatches, readCsvHeader } from "./csv.js";
export { columnsRead } from "./columns.js";
export { readerSettings } from "./settings.js";
export { checkSourceHeader, readSource, readSourceBatches, sourceFiles } from "./read.js";
