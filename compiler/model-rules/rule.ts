import type * as A from "../../grammar/ast.js";
import type { PlanAssignment } from "../../plan/types.js";
import type { CompileContext } from "../context.js";

/** A check of one map of a model, once its assignments are lowered. */
export type ModelRule = (decl: A.MapDecl, assignments: readonly PlanAssignment[], ctx: CompileContext) => void;
