// grammar: mapspec text → syntax tree. Never throws: every lexing and parsing problem comes back as a
// diagnostic, and the tree holds whatever error recovery could keep.
import type { IRecognitionException, IToken, TokenType } from "chevrotain";
import { diagnostic, type Diagnostic } from "../diagnostics/index.js";
import type { Spec, SourceRange } from "./ast.js";
import type { SpecCstNode } from "./cst.js";
import { mapspecParser } from "./parser.js";
import { specFromCst, tokenRange } from "./to-ast.js";
import { mapspecLexer } from "./tokens.js";

export type * from "./ast.js";
export { formatSpec } from "./format.js";
export { unquote } from "./to-ast.js";

export interface ParseResult {
  spec: Spec;
  diagnostics: Diagnostic[];
}

export function parseSpec(text: string, file: string): ParseResult {
  const lexed = mapspecLexer.tokenize(text);
  const diagnostics: Diagnostic[] = lexed.errors.map((error) => {
    const start = { line: error.line ?? 1, column: error.column ?? 1, offset: error.offset };
    const range: SourceRange = { start, end: { ...start, column: start.column + 1, offset: start.offset + 1 } };
    const char = text.charAt(error.offset);
    return char === '"'
      ? diagnostic("MS1002", file, range)
      : diagnostic("MS1001", file, range, { char: JSON.stringify(char) }, lexHint(char));
  });
  const parser = mapspecParser();
  parser.input = lexed.tokens;
  const cst = parser.spec() as SpecCstNode;
  // Recovery can trip over the same token several times; one report per place is enough.
  const reported = new Set(diagnostics.map((d) => d.range.start.offset));
  for (const error of parser.errors) {
    const d = parseErrorDiagnostic(error, file, text);
    if (reported.has(d.range.start.offset)) continue;
    reported.add(d.range.start.offset);
    diagnostics.push(d);
  }
  const comments = lexed.groups["comments"] ?? [];
  return { spec: specFromCst(cst, file, comments), diagnostics };
}

function lexHint(char: string): string | undefined {
  if (char === "'") return 'strings use double quotes: "like this"';
  if (char === "/") return "comments start with #";
  return undefined;
}

function describeToken(token: IToken): string {
  if (token.tokenType?.name === "EOF" || Number.isNaN(token.startOffset)) return "the end of the file";
  return `\`${token.image}\``;
}

/** Chevrotain lists whole token sequences; people want the first token that would have fitted. */
function expectedTokens(error: IRecognitionException): string {
  const fromMessage = [...error.message.matchAll(/\d+\. \[([^\]]+)\]/g)].map((m) => m[1]!.split(",")[0]!.trim());
  const single = /Expecting (?:token of type )?--> (\w+) <--/.exec(error.message)?.[1];
  const names = [...new Set(single ? [single] : fromMessage)].map(tokenLabel);
  if (names.length === 0) return "something else";
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`;
}

const tokenLabels: Record<string, string> = {
  Name: "a name",
  Identifier: "a name",
  StringLiteral: "a string",
  NumberLiteral: "a number",
  Cardinality: "a cardinality (1:1, 1:many, many:1)",
  Arrow: "`->`",
  FatArrow: "`=>`",
  TakesFrom: "`<-`",
  AddsFrom: "`+=`",
  Assign: "`=`",
  Equals: "`==`",
  NotEquals: "`!=`",
  Pipe: "`|`",
  Comma: "`,`",
  Colon: "`:`",
  LCurly: "`{`",
  RCurly: "`}`",
  LParen: "`(`",
  RParen: "`)`",
  EOF: "the end of the file",
};

function tokenLabel(tokenName: string): string {
  return tokenLabels[tokenName] ?? `\`${tokenName.toLowerCase()}\``;
}

function parseErrorDiagnostic(error: IRecognitionException, file: string, text: string): Diagnostic {
  const token = error.token;
  const found = describeToken(token);
  let range: SourceRange;
  if (Number.isNaN(token.startOffset)) {
    const end = endOfText(text);
    range = { start: end, end };
  } else {
    range = tokenRange(token);
  }
  if (error.name === "NotAllInputParsedException") return diagnostic("MS1004", file, range, { found });
  return diagnostic("MS1003", file, range, { expected: expectedTokens(error), found }, syntaxHint(error, token));
}

function syntaxHint(error: IRecognitionException, token: IToken): string | undefined {
  const expected = error.message;
  if (token.image === "=" && expected.includes("TakesFrom"))
    return "`=` sets a constant; `<-` takes a value from a column";
  if (token.image === ":" && /Cardinality/.test(expected))
    return "write the cardinality as one token: 1:1, 1:many or many:1";
  if (isTokenType(token.tokenType, "StringLiteral") && expected.includes("LCurly"))
    return "did you forget `{` to open the block?";
  return undefined;
}

function isTokenType(type: TokenType | undefined, name: string): boolean {
  return type?.name === name;
}

function endOfText(text: string) {
  const lines = text.split("\n");
  return { line: lines.length, column: (lines.at(-1) ?? "").length + 1, offset: text.length };
}
