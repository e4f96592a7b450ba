// The plan executor: one source row in, skipped / rejected / staged target records out. No I/O: readers
// feed it rows and the staging store takes its records, resolving refs and lookups later.
export { evaluateChain, isSkipped, transformRecord } from "./interpret.js";
export type {
  LinkReference,
  LookupReference,
  MappingOutcome,
  QueuedReference,
  RecordOutcome,
  RecordReference,
  ReferenceKey,
  RejectedOutcome,
  SourceRow,
  TargetRecord,
  TargetValue,
  TransformContext,
} from "./types.js";
// The helpers below are what generated code calls; the executor calls the same ones.
export { cellsOf, sourceKeyOf, sourceShapeOf, type CellReader, type SourceShape } from "./cells.js";
export { equalsText, guardHolds, isInstalled, isOneOf, lookUpAhead } from "./conditions.js";
export { placeholderValues } from "./placeholders.js";
export { externalId, slug } from "./identity.js";
export { IR_MODEL_LOOKUP, linkTo, type LinkSpec, type LinkValues } from "./links.js";
export { runMapping, runSource, unknownSource, type SkipRule } from "./outcome.js";
export {
  assign,
  assignLink,
  distinctValues,
  eachItems,
  joinedValues,
  FieldRejection,
  setDedupeKey,
  setIntoKey,
  startRecord,
  toTargetValue,
  type FieldRule,
  type LinkRule,
  type RecordTarget,
} from "./records.js";
export { applyValueMap, lookupIn, refTo, type QueueTicket, type ValueMapTable } from "./references.js";
