// Literals of the spec (`"text"`, `12`, `true`, `null`, `mail.mt_note`) as the plan carries them and as text.
import type * as A from "../grammar/ast.js";
import type { PlanLiteral } from "../plan/types.js";

/** A literal as the plan carries it; `record X` needs the spec's module: use `CompileContext.literal`. */
export function planLiteral(literal: A.LiteralValue): PlanLiteral {
  switch (literal.kind) {
    case "record":
      throw new Error("record literals are lowered by CompileContext.literal");
    case "string":
    case "number":
    case "boolean":
      return literal.value;
    case "null":
      return null;
    case "xmlid":
      return { xmlid: literal.value };
  }
}

/** A literal as the text it stands for: an empty string for `null`. */
export function literalString(literal: A.LiteralValue): string {
  switch (literal.kind) {
    case "string":
    case "xmlid":
    case "record":
      return literal.value;
    case "number":
      return literal.text;
    case "boolean":
      return String(literal.value);
    case "null":
      return "";
  }
}
