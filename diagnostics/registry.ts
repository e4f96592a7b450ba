// Every message a user can see, in one place, each with a stable code. Codes are prefixed by stage:
// MS1xxx syntax, MC2xxx checks, MR3xxx runtime and Odoo. A retired code is never reused: mark it retired.
export type Severity = "error" | "warning" | "info";

interface MessageDef {
  severity: Severity;
  /** `{name}` placeholders are filled from the diagnostic's arguments */
  message: string;
}

export const messages = {
  // syntax
  MS1001: { severity: "error", message: "Unexpected character {char}." },
  MS1002: { severity: "error", message: 'Unterminated string: a string must close with " on the same line.' },
  MS1003: { severity: "error", message: "Expected {expected} but found {found}." },
  MS1004: { severity: "error", message: "Unexpected {found} after the end of the spec." },

  // the spec as a whole
  MC2001: { severity: "error", message: "No Odoo field catalog for version {version}." },
  MC2002: { severity: "error", message: "{kind} `{name}` is declared twice." },

  // sources
  MC2010: { severity: "error", message: "Unknown source format `{format}`." },
  MC2011: { severity: "error", message: "Unknown column type `{type}`." },
  MC2012: { severity: "error", message: "Unknown setting `{setting}` for a {format} source." },
  MC2013: { severity: "error", message: 'Key column "{column}" is not declared in the columns of `{object}`.' },
  MC2014: { severity: "error", message: 'Column "{column}" is declared twice in `{object}`.' },
  MC2015: { severity: "error", message: 'Source `{object}` has no key: add `key "<column>"`.' },
  MC2016: { severity: "error", message: "Source `{object}` declares no columns." },
  MC2017: { severity: "error", message: "Unknown source object `{name}`." },
  MC2018: { severity: "error", message: 'Unknown column "{column}" in source `{object}`.' },
  MC2019: { severity: "warning", message: 'Column "{column}" of `{object}` is neither mapped nor dropped.' },
  MC2020: { severity: "warning", message: 'Column "{column}" of `{object}` is dropped by a map that also reads it.' },
  MC2021: { severity: "error", message: "Setting `{setting}` expects {expected}." },
  MC2022: {
    severity: "error",
    message:
      "Unknown metadata format `{format}` for custom properties; use hubspot, dataverse, leadforce, concord or sage.",
  },
  MC2023: {
    severity: "error",
    message: '`custom properties from {format}` names its {what} with `{expected} "…"`, not `{found}`.',
  },
  MC2024: {
    severity: "error",
    message:
      'A drop pattern names no column: "{column}" is `*` alone; say what the columns have in common, e.g. "*@OData.Community.Display.V1.FormattedValue".',
  },

  // target models and fields
  MC2101: { severity: "error", message: "Unknown Odoo model `{model}` in Odoo {version}." },
  MC2102: { severity: "error", message: "`{model}` is not in Odoo {version} Community: {reason}" },
  MC2103: { severity: "error", message: "Unknown field `{field}` on `{model}` in Odoo {version}." },
  MC2104: {
    severity: "error",
    message: "`{model}.{field}` is computed without an inverse: Odoo recomputes it and silently discards the value.",
  },
  MC2105: {
    severity: "warning",
    message: "`{model}.{field}` is computed: the written value stays only until Odoo recomputes it.",
  },
  MC2106: { severity: "error", message: "`{model}.{field}` is a {fieldType} field but gets a {valueType} value." },
  MC2107: {
    severity: "error",
    message: "{value} is not a valid value for `{model}.{field}`; expected one of {allowed}.",
  },
  MC2108: { severity: "error", message: "Required field `{model}.{field}` is not always set by map `{map}`." },
  MC2109: {
    severity: "error",
    message: "`{model}.{field}` is a {fieldType} to `{relation}`: give it a `ref`, a `lookup` or an `xmlid`.",
  },
  MC2110: {
    severity: "error",
    message: "`{model}.{field}` points to `{relation}`, but this {via} gives `{given}` records.",
  },
  MC2111: {
    severity: "error",
    message: "Field `{field}` is set twice in map `{map}` without a `when` that tells the two apart.",
  },
  MC2112: {
    severity: "error",
    message: "`{model}.{field}` is a one2many field: set the link from the other side ({relation}.{inverse}).",
  },
  MC2113: {
    severity: "warning",
    message: "External id `{xmlid}` is not among the standard records of Odoo {version}.",
  },
  MC2114: { severity: "error", message: "Custom field `{field}` must start with `x_`." },
  MC2115: { severity: "error", message: "Custom field `{model}.{field}` already exists in Odoo {version}." },
  MC2116: { severity: "error", message: "Unknown field type `{type}` for a custom field." },
  MC2117: { severity: "error", message: "A {type} custom field needs the model it points to." },
  MC2118: { severity: "warning", message: "Custom field `{model}.{field}` is declared but no map writes it." },
  MC2119: {
    severity: "error",
    message: 'Field `{field}` is not on `{model}`: declare it with `custom field {model}.{field}: <type> "<label>"`.',
  },
  MC2120: { severity: "error", message: 'A selection custom field needs its options: `{ "value" => "Label" }`.' },
  MC2121: {
    severity: "warning",
    message: "`crm.lead` gets both `partner_id` and `{field}`: Odoo copies the lead's {what} onto the partner.",
  },
  MC2122: { severity: "error", message: "Custom model `{model}` must start with `x_`." },
  MC2123: { severity: "error", message: "Unknown record `{name}`: declare it with `record <model> as {name} { … }`." },
  MC2124: { severity: "error", message: "A record sets constants only: write `field = value`." },
  MC2125: {
    severity: "warning",
    message:
      "`res.partner.parent_id` with an address of its own: Odoo copies the parent's address over this partner's while its type is `contact`.",
  },
  MC2126: {
    severity: "warning",
    message:
      '`{field}` comes from "{column}", which the condition of this `type` does not test: a row with only that column stays a `contact`, and Odoo gives it its parent\'s {field}.',
  },
  MC2127: {
    severity: "warning",
    message: "`res.partner.{field}` on a partner with a parent: Odoo replaces it with its company's {field}.",
  },
  MC2128: {
    severity: "warning",
    message:
      "A message whose link is empty lands on no record: Odoo hides it, and lets neither the admin nor `mapc rollback` change or delete it.",
  },

  // transforms, value maps and lookups
  MC2201: { severity: "error", message: "Unknown transform `{name}`." },
  MC2202: { severity: "error", message: "`{name}` {problem}." },
  MC2203: { severity: "error", message: "`{name}` takes {expected} but gets {given}." },
  MC2204: { severity: "error", message: "Unknown value map `{name}`." },
  MC2205: { severity: "error", message: "Value map `{map}` lists {value} twice." },
  MC2206: { severity: "error", message: "Value map `{map}` has more than one `else`." },
  MC2207: { severity: "error", message: "Unknown lookup `{name}`." },
  MC2208: { severity: "error", message: 'Unknown time zone "{zone}".' },
  MC2209: { severity: "warning", message: "Value map `{map}` has no `else`: an unlisted value rejects the record." },
  MC2210: { severity: "warning", message: "`{name}` is declared but never used." },
  MC2211: { severity: "error", message: "A placeholder can only set constants: write `field = value`." },
  MC2213: {
    severity: "error",
    message:
      'A condition can only look up `{name}` if it looks in a source object and takes a column: `lookup {name} in source OBJECT by … take "column"`.',
  },
  MC2212: {
    severity: "error",
    message: "`{step}` cannot follow `{after}`: what it finds is known only once the run resolves references.",
  },

  // cardinality and structure of a map
  MC2301: { severity: "error", message: "Map `{map}` is many:1 but has no `dedupe by`." },
  MC2302: { severity: "error", message: "Map `{map}` dedupes but is not declared many:1." },
  MC2303: {
    severity: "error",
    message:
      'Map `{map}` is lossy but names nothing it drops: add `drop "<column>" because "…"` or `lost "…" because "…"`.',
  },
  MC2304: {
    severity: "error",
    message: "Map `{map}` is 1:many but neither fans out (`each`) nor shares its source with another map.",
  },
  MC2305: { severity: "error", message: "Map `{map}` fans out with `each` but is not declared 1:many." },
  MC2306: { severity: "error", message: "`item` is only defined in a map with `each`." },
  MC2307: {
    severity: "error",
    message: "A `link` sets two fields: the model and the record id, e.g. `model, res_id <- link …`.",
  },
  MC2308: { severity: "error", message: "`{model}` has no field to hold a linked {part}: `{field}`." },
  MC2309: { severity: "error", message: "Unknown map cardinality `{cardinality}`: use 1:1, 1:many or many:1." },
  MC2310: { severity: "warning", message: "Map `{map}` names what it loses but is not marked `lossy`." },
  MC2311: { severity: "error", message: "Map names `{name}` twice: give one of them `as <Name>`." },
  MC2312: { severity: "error", message: "`{object}` has several maps; say which one: {choices}." },
  MC2313: {
    severity: "error",
    message:
      "`{field}` is `deferred` and `required`: a deferred field is written after its record exists, so it cannot be required at creation.",
  },
  MC2314: {
    severity: "error",
    message: "A link cannot be `deferred`: the record must know what it belongs to when it is created.",
  },
  MC2315: { severity: "error", message: "`into {name}`: no map of that name." },
  MC2316: { severity: "error", message: "`into {name}`: {problem}." },
  MC2317: {
    severity: "error",
    message:
      "Map `{map}` takes the custom properties of `{object}`, but the source does not say where the export lists them.",
  },
  MC2318: { severity: "error", message: "`custom properties` appears twice in map `{map}`." },
  MC2319: {
    severity: "error",
    message: "`{field} +=` adds to a list, but `{model}.{field}` is a {type} field, which holds one value.",
  },

  // load order
  MC2401: { severity: "error", message: "`order` names `{name}`, which is no map." },
  MC2402: { severity: "error", message: "`{map}` is loaded before `{dependency}`, which it references." },
  MC2403: { severity: "error", message: "References form a cycle: {cycle}." },
  MC2404: { severity: "warning", message: "`order` leaves out {missing}: they load after the listed maps." },
  MC2405: { severity: "error", message: "`order` names `{name}` twice." },

  // the spec against a real export (`mapc check --source`)
  MC2601: { severity: "error", message: "The export has no file for `{object}`: nothing matches {paths}." },
  MC2602: { severity: "error", message: 'Column "{column}" of `{object}` is not in the export, and {why}.' },
  MC2603: {
    severity: "warning",
    message: 'Column "{column}" of `{object}` is not in the export: every row reads it as empty.',
  },
  MC2604: {
    severity: "warning",
    message:
      'The export\'s `{object}` has column "{column}", which the spec neither reads nor drops: it would not migrate.',
  },
  MC2605: {
    severity: "info",
    message:
      'Custom property "{label}" of `{object}` (column "{column}") is not declared in the spec; it lands in {fields}.',
  },
  MC2606: {
    severity: "warning",
    message:
      'Custom property "{label}" of `{object}` (column "{column}") is in the export, but no map takes it: it would not migrate.',
  },
  MC2607: { severity: "warning", message: "The custom properties of `{object}` could not be read: {detail}." },
  MC2608: { severity: "error", message: "`{object}` cannot be read from this export: {detail}" },

  // documentation-only rows and guards
  MC2501: { severity: "error", message: "Unknown document kind `{kind}`; use one of {allowed}." },
  MC2502: { severity: "error", message: "Unknown setting `{setting}` in a document row; use one of {allowed}." },
  MC2503: { severity: "error", message: 'Document row `{name}` needs `odoo "<recommended Odoo equivalent>"`.' },
  MC2505: {
    severity: "error",
    message: 'A recommendation names a column of the items and a value map: `recommend "<column>", <ValueMap>`.',
  },
  MC2504: {
    severity: "warning",
    message: "Module `{module}` is not among the modules the Odoo {version} catalog was read with.",
  },

  // runtime: reading the export

  MR3001: { severity: "error", message: 'Column "{column}" of `{object}` is not in the header of {file}.' },
  // retired: undeclared columns are reported by the column account (MR3024), which knows drop patterns
  MR3002: { severity: "warning", message: "{file} has {count} column(s) that `{object}` does not declare: {columns}." },
  MR3003: { severity: "error", message: "No file for `{object}`: {detail}." },
  MR3004: { severity: "error", message: "{file} is not valid JSON at line {line}, column {column}: {detail}." },
  MR3005: { severity: "error", message: "Row has {cells} cell(s) but the header has {columns} ({file} line {line})." },
  MR3006: { severity: "error", message: "{file} holds no records for `{object}`: {detail}." },
  MR3007: { severity: "error", message: 'Path "{path}" of `{object}` is refused: {reason}.' },
  MR3008: {
    severity: "warning",
    message: "The last page {file} links to a next page that is not in the export: the export may be incomplete.",
  },
  MR3009: {
    severity: "warning",
    message: "Page {file} links to no next page, yet {next} follows it: is it left over from another export?",
  },
  MR3010: { severity: "error", message: "Setting `{setting}` of `{object}`: {reason}." },
  MR3011: {
    severity: "warning",
    message: "{file} starts with a {found} byte order mark: read as {found}, not {declared}.",
  },
  MR3012: { severity: "error", message: '{file} is not valid {encoding} at byte {offset} (near "{near}").' },
  MR3013: { severity: "error", message: "The quote opened at line {line} of {file} is never closed." },
  MR3014: {
    severity: "error",
    message: 'Text after a closing quote ({file} line {line}): the cell is read as "{cell}".',
  },
  MR3015: { severity: "error", message: "Line {line} of {file} is not valid JSON: {detail}." },
  MR3016: { severity: "error", message: "Record {row} of {file} is not an object: {detail}." },
  MR3017: { severity: "error", message: "{file} has no header row {headerRow}: the file has only {lines} line(s)." },
  MR3018: {
    severity: "warning",
    message: 'The header of {file} names "{column}" {count} times; the first one is read.',
  },
  MR3019: {
    severity: "error",
    message: "A record of {file} starting at line {line} is longer than {limit} million characters: {detail}.",
  },
  MR3020: {
    severity: "warning",
    message:
      'Column "{column}" of `{object}` is read from the header "{label}" of {file}: the same name but for case and spacing.',
  },
  MR3021: {
    severity: "warning",
    message:
      'Column "{column}" of `{object}` is not in the header of {file}; it is declared `optional`, so every row reads it as empty.',
  },
  MR3022: {
    severity: "warning",
    message: "The export has no {path}: `{object}` is declared `optional true`, so it has no rows.",
  },
  MR3023: {
    severity: "error",
    message: 'Column "{column}" of `{object}` is not in the export, and {why}: its rows would lose it without a word.',
  },
  MR3024: {
    severity: "warning",
    message:
      "{count} column(s) of `{object}` are neither read nor dropped by the spec, so they would not migrate: {columns}.",
  },
  MR3025: {
    severity: "error",
    message: "`--strict`: {count} column(s) of `{object}` are neither read nor dropped by the spec: {columns}.",
  },
  MR3026: {
    severity: "warning",
    message: "The custom properties of `{object}` could not be read: {detail}; its custom properties do not migrate.",
  },
  // MR31xx: a run, verify, rollback or apply-schema that stops; said with what to do next
  MR3101: { severity: "error", message: "{detail}. Nothing was written." },
  MR3102: {
    severity: "error",
    message: "The target database lacks what the spec needs:\n{missing}\nNothing was written.",
  },
  MR3103: { severity: "error", message: "{detail}" },
  MR3104: { severity: "error", message: "{detail}" },
  MR3105: { severity: "error", message: "{detail}" },
  MR3106: { severity: "error", message: "Odoo did not answer ({detail}) after several tries." },
  MR3107: { severity: "error", message: "Odoo refused {model}.{method}: {detail}" },
  MR3108: { severity: "error", message: "{detail}" },
  MR3109: { severity: "error", message: "{detail}" },
} as const satisfies Record<string, MessageDef>;

export type DiagnosticCode = keyof typeof messages;

export function severityOf(code: DiagnosticCode): Severity {
  return messages[code].severity;
}

export function renderMessage(code: DiagnosticCode, args: Readonly<Record<string, string | number>>): string {
  return messages[code].message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in args ? String(args[key]) : whole,
  );
}
