// The mapspec vocabulary. Every keyword is "soft": it is also accepted wherever a name is expected,
// because Odoo field names such as `note`, `model`, `date` or `ref` would otherwise be unwritable.
import type { TokenType } from "chevrotain";
import { createToken, Lexer } from "./chevrotain.js";

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/,
});

/** Every token that may stand where a name (object, field, model) is expected. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA });
Identifier.CATEGORIES = [Name];

function keyword(word: string): TokenType {
  return createToken({
    name: word.charAt(0).toUpperCase() + word.slice(1),
    pattern: new RegExp(`${word}(?![A-Za-z0-9_])`),
    longer_alt: Identifier,
    categories: [Name],
  });
}

export const Mapping = keyword("mapping");
export const Odoo = keyword("odoo");
export const Source = keyword("source");
export const From = keyword("from");
export const Columns = keyword("columns");
export const Skip = keyword("skip");
export const When = keyword("when");
export const Because = keyword("because");
export const Lookup = keyword("lookup");
export const In = keyword("in");
export const Staged = keyword("staged");
export const By = keyword("by");
export const On = keyword("on");
export const Missing = keyword("missing");
export const Fail = keyword("fail");
export const Empty = keyword("empty");
export const Default = keyword("default");
export const Placeholder = keyword("placeholder");
export const Queue = keyword("queue");
export const Values = keyword("values");
export const Else = keyword("else");
export const Keep = keyword("keep");
export const Custom = keyword("custom");
export const Field = keyword("field");
export const Model = keyword("model");
export const Required = keyword("required");
export const Deferred = keyword("deferred");
export const Into = keyword("into");
export const Optional = keyword("optional");
export const Map = keyword("map");
export const As = keyword("as");
export const Requires = keyword("requires");
export const Unless = keyword("unless");
export const Where = keyword("where");
export const Lossy = keyword("lossy");
export const Dedupe = keyword("dedupe");
export const Each = keyword("each");
export const Item = keyword("item");
export const Drop = keyword("drop");
export const Lost = keyword("lost");
export const Note = keyword("note");
export const Link = keyword("link");
export const First = keyword("first");
export const Ref = keyword("ref");
export const Xmlid = keyword("xmlid");
export const Take = keyword("take");
export const Record = keyword("record");
export const Document = keyword("document");
export const Order = keyword("order");
export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const Is = keyword("is");
export const Installed = keyword("installed");
export const True = keyword("true");
export const False = keyword("false");
export const Null = keyword("null");
export const Properties = keyword("properties");
export const Prefix = keyword("prefix");

export const Cardinality = createToken({ name: "Cardinality", pattern: /(?:1|many):(?:1|many)(?![A-Za-z0-9_])/ });
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/ });
export const StringLiteral = createToken({
  name: "StringLiteral",
  pattern: /"(?:[^"\\\r\n]|\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4}|u\{[0-9A-Fa-f]{1,6}\}))*"/,
});

export const Arrow = createToken({ name: "Arrow", pattern: /->/ });
export const FatArrow = createToken({ name: "FatArrow", pattern: /=>/ });
export const TakesFrom = createToken({ name: "TakesFrom", pattern: /<-/ });
export const AddsFrom = createToken({ name: "AddsFrom", pattern: /\+=/ });
export const Equals = createToken({ name: "Equals", pattern: /==/ });
export const NotEquals = createToken({ name: "NotEquals", pattern: /!=/ });
export const Assign = createToken({ name: "Assign", pattern: /=/ });
export const Pipe = createToken({ name: "Pipe", pattern: /\|/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const LCurly = createToken({ name: "LCurly", pattern: /\{/ });
export const RCurly = createToken({ name: "RCurly", pattern: /\}/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });

export const Comment = createToken({ name: "Comment", pattern: /#[^\r\n]*/, group: "comments" });
export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\uFEFF]+/, group: Lexer.SKIPPED });

export const keywords: readonly TokenType[] = [
  Mapping,
  Odoo,
  Source,
  From,
  Columns,
  Skip,
  When,
  Because,
  Lookup,
  In,
  Staged,
  By,
  On,
  Missing,
  Fail,
  Empty,
  Default,
  Placeholder,
  Queue,
  Values,
  Else,
  Keep,
  Custom,
  Field,
  Model,
  Required,
  Deferred,
  Into,
  Optional,
  Map,
  As,
  Requires,
  Unless,
  Where,
  Lossy,
  Dedupe,
  Each,
  Item,
  Drop,
  Lost,
  Note,
  Link,
  First,
  Ref,
  Xmlid,
  Take,
  Record,
  Document,
  Order,
  And,
  Or,
  Not,
  Is,
  Installed,
  True,
  False,
  Null,
  Properties,
  Prefix,
];

// Order matters where patterns overlap: comments and whitespace first; `1:1` before numbers; two-character operators (`->`, `=>`, `<-`, `+=`, `==`, `!=`) before their one-character prefixes; keywords
// before Identifier (each keyword names Identifier as its longer_alt, so `notes` stays one identifier).
export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  Comment,
  Cardinality,
  NumberLiteral,
  StringLiteral,
  Arrow,
  FatArrow,
  TakesFrom,
  AddsFrom,
  Equals,
  NotEquals,
  Assign,
  Pipe,
  Comma,
  Colon,
  LCurly,
  RCurly,
  LParen,
  RParen,
  ...keywords,
  Identifier,
  Name,
];

export const mapspecLexer = new Lexer(allTokens as TokenType[], {
  positionTracking: "full",
  ensureOptimizations: false,
});
