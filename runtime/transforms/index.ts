// The transform library: what `| email`, `| date "DD-MM-YYYY"`, `| split ";"` do to a value. Shared by the
// plan executor (runtime/execute) and by the code `mapc build` generates; the compiler reads only the
// signature table.
export { TransformError } from "./errors.js";
export {
  appliesPerElement,
  argumentsFor,
  isTransformName,
  transformExportName,
  transformSignatures,
  type TransformArgSpec,
  type TransformName,
  type TransformSignature,
} from "../../plan/transforms.js";
export {
  applyTransform,
  base64,
  bool,
  collapse,
  date,
  datetime,
  decimal,
  defaultTo,
  divide,
  domain,
  email,
  file,
  first,
  float,
  format,
  html,
  int,
  join,
  last,
  lower,
  money,
  multiply,
  nth,
  percent,
  phone,
  replace,
  round,
  split,
  text,
  title,
  trim,
  truncate,
  unique,
  upper,
  url,
} from "./registry.js";
export { coerceColumn, valueTypeOfColumn } from "./coerce.js";
export { coercionSettingsOf, type CoercionSettings } from "../../plan/source-settings.js";
export { describeFormatProblem, type WallTime } from "./calendar.js";
export { isValidTimeZone, zonedTimeToUtc, type ClockJump, type ZonedInstant } from "./zones.js";
export { isEmptyValue, isPlainObject, isXmlidLiteral, textOf } from "./values.js";
export type { EmailOptions, PhoneOptions } from "./contact.js";
export type { DatetimeOptions } from "./dates.js";
export type { NumberOptions } from "./numbers.js";
export type { Base64Content, FileReference } from "./binary.js";
