// The mapspec grammar, read top to bottom: a header, then declarations. Only syntax lives here; names,
// types and Odoo facts are checked by the compiler. Recovery is on, so one run reports every syntax error.
import type { CstNode, IToken, TokenType } from "chevrotain";
import { CstParser, tokenMatcher } from "./chevrotain.js";
import * as T from "./tokens.js";

const literalStarts = new Set<TokenType>([
  T.StringLiteral,
  T.NumberLiteral,
  T.True,
  T.False,
  T.Null,
  T.Xmlid,
  T.Record,
]);
const assignmentOperators = new Set<TokenType>([T.TakesFrom, T.AddsFrom, T.Assign, T.Comma]);

export class MapspecParser extends CstParser {
  constructor() {
    super(T.allTokens as TokenType[], { recoveryEnabled: true, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  public spec = this.RULE("spec", () => {
    this.SUBRULE(this.header);
    this.MANY(() => this.SUBRULE(this.declaration));
  });

  // mapping smartdesk -> odoo 17.0 "SmartDesk to Odoo CRM"
  private header = this.RULE("header", () => {
    this.CONSUME(T.Mapping);
    this.CONSUME(T.Name, { LABEL: "system" });
    this.CONSUME(T.Arrow);
    this.CONSUME(T.Odoo);
    this.CONSUME(T.NumberLiteral, { LABEL: "version" });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "title" }));
  });

  private declaration = this.RULE("declaration", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.sourceDecl) },
      { ALT: () => this.SUBRULE(this.lookupDecl) },
      { ALT: () => this.SUBRULE(this.valuesDecl) },
      { ALT: () => this.SUBRULE(this.customDecl) },
      { ALT: () => this.SUBRULE(this.mapDecl) },
      { ALT: () => this.SUBRULE(this.documentDecl) },
      { ALT: () => this.SUBRULE(this.recordDecl) },
      { ALT: () => this.SUBRULE(this.orderDecl) },
    ]);
  });

  // record crm.tag as TicketTag { name = "Ticket" }: a record the target must have (apply-schema creates it)
  private recordDecl = this.RULE("recordDecl", () => {
    this.CONSUME(T.Record);
    this.CONSUME(T.Name, { LABEL: "model" });
    this.CONSUME(T.As);
    this.CONSUME2(T.Name, { LABEL: "name" });
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.SUBRULE(this.assignment);
      this.OPTION(() => this.CONSUME(T.Comma));
    });
    this.CONSUME(T.RCurly);
  });

  // source Company "Account (Company)" from csv "companies.csv" { key "Record ID" … columns { … } }
  private sourceDecl = this.RULE("sourceDecl", () => {
    this.CONSUME(T.Source);
    this.CONSUME(T.Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "label" }));
    this.CONSUME(T.From);
    this.CONSUME2(T.Name, { LABEL: "format" });
    this.CONSUME2(T.StringLiteral, { LABEL: "path" });
    // `from odata "accounts/*.json" or "account/*.json"`: exports name files differently; the first found wins
    this.MANY2(() => {
      this.CONSUME(T.Or);
      this.CONSUME3(T.StringLiteral, { LABEL: "path" });
    });
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      // `drop "col" because "…"` here is for columns no map reads (a source only looked up, say); it
      // comes before the generic setting so a setting can never be called `drop`.
      this.OR({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE(this.columnsBlock) },
          { ALT: () => this.SUBRULE(this.propertiesSource) },
          { ALT: () => this.SUBRULE(this.skipRule) },
          { ALT: () => this.SUBRULE(this.dropItem) },
          { ALT: () => this.SUBRULE(this.setting) },
        ],
      }),
    );
    this.CONSUME(T.RCurly);
  });

  private columnsBlock = this.RULE("columnsBlock", () => {
    this.CONSUME(T.Columns);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.columnDecl));
    this.CONSUME(T.RCurly);
  });

  // custom properties from hubspot "properties.json" object "contacts": where the export's own metadata
  // lists the customer's properties, so a map can take every one of them (`custom properties prefix …`)
  private propertiesSource = this.RULE("propertiesSource", () => {
    this.CONSUME(T.Custom);
    this.CONSUME(T.Properties);
    this.CONSUME(T.From);
    this.CONSUME(T.Name, { LABEL: "format" });
    this.CONSUME(T.StringLiteral, { LABEL: "path" });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.CONSUME2(T.StringLiteral, { LABEL: "path" });
    });
    this.CONSUME2(T.Name, { LABEL: "selector" });
    this.CONSUME3(T.StringLiteral, { LABEL: "object" });
  });

  // "Number of Employees": integer      "Customer Tier": text custom optional
  // "Record ID" or "Contact ID": id      (other names the column has in other exports; the first found wins)
  private columnDecl = this.RULE("columnDecl", () => {
    this.CONSUME(T.StringLiteral, { LABEL: "column" });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.CONSUME2(T.StringLiteral, { LABEL: "column" });
    });
    this.CONSUME(T.Colon);
    this.CONSUME(T.Name, { LABEL: "type" });
    this.OPTION(() => this.CONSUME(T.Custom));
    this.OPTION2(() => this.CONSUME(T.Optional));
  });

  private skipRule = this.RULE("skipRule", () => {
    this.CONSUME(T.Skip);
    this.CONSUME(T.When);
    this.SUBRULE(this.condition);
    this.CONSUME(T.Because);
    this.CONSUME(T.StringLiteral, { LABEL: "reason" });
  });

  // A named setting with one or more values: `key "Record ID"`, `delimiter ";"`, `from Workflow`.
  private setting = this.RULE("setting", () => {
    this.CONSUME(T.Name, { LABEL: "key" });
    this.SUBRULE(this.settingValue);
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.SUBRULE2(this.settingValue);
    });
  });

  private settingValue = this.RULE("settingValue", () => {
    // `true`, `false` and `null` are literals here, not names: first alternative wins.
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [{ ALT: () => this.SUBRULE(this.literal) }, { ALT: () => this.CONSUME(T.Name, { LABEL: "name" }) }],
    });
  });

  // lookup Owner in odoo res.users by email on missing queue "create the user in Odoo"
  // lookup OwnerEmail in source Owner by ("firstName", "lastName") | join " " take "email"
  // lookup UserPartner in odoo res.users by login take partner_id
  // lookup PhoneOf in source Phone by "Phon_PhoneId" take ("Phon_CountryCode", "Phon_Number") | join " "
  private lookupDecl = this.RULE("lookupDecl", () => {
    this.CONSUME(T.Lookup);
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.In);
    this.OR([
      { ALT: () => this.CONSUME(T.Odoo, { LABEL: "against" }) },
      { ALT: () => this.CONSUME(T.Source, { LABEL: "against" }) },
      { ALT: () => this.CONSUME(T.Staged, { LABEL: "against" }) },
    ]);
    this.CONSUME2(T.Name, { LABEL: "target" });
    this.CONSUME(T.By);
    // A source lookup's key is a chain over the other object's columns; an Odoo lookup's is a field name.
    this.OR2({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        { ALT: () => this.SUBRULE(this.expression, { LABEL: "keyExpression" }) },
        { ALT: () => this.CONSUME3(T.Name, { LABEL: "keyField" }) },
      ],
    });
    // What the lookup yields instead of the record: a column of the source object (`take "email"`), or a
    // many2one of the Odoo model (`take partner_id`: a user's partner).
    this.OPTION(() => {
      this.CONSUME(T.Take);
      this.OR3({
        IGNORE_AMBIGUITIES: true,
        DEF: [
          { ALT: () => this.SUBRULE2(this.expression, { LABEL: "takeExpression" }) },
          { ALT: () => this.CONSUME4(T.Name, { LABEL: "takeField" }) },
        ],
      });
    });
    this.OPTION2(() => this.SUBRULE(this.onMissing));
  });

  private onMissing = this.RULE("onMissing", () => {
    this.CONSUME(T.On);
    this.CONSUME(T.Missing);
    this.OR([
      { ALT: () => this.CONSUME(T.Fail, { LABEL: "policy" }) },
      { ALT: () => this.CONSUME(T.Empty, { LABEL: "policy" }) },
      {
        ALT: () => {
          this.CONSUME(T.Default, { LABEL: "policy" });
          this.SUBRULE(this.literal);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Placeholder, { LABEL: "policy" });
          this.CONSUME(T.LCurly);
          // On one line the constants are separated by commas: `placeholder { name = "?", active = false }`.
          this.MANY(() => {
            this.SUBRULE(this.assignment);
            this.OPTION3(() => this.CONSUME(T.Comma));
          });
          this.CONSUME(T.RCurly);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Queue, { LABEL: "policy" });
          this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "reason" }));
        },
      },
    ]);
  });

  // values DealStage { "closedwon" => xmlid "crm.stage_lead4"  else => fail }
  private valuesDecl = this.RULE("valuesDecl", () => {
    this.CONSUME(T.Values);
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.LCurly);
    this.MANY(() =>
      this.OR([{ ALT: () => this.SUBRULE(this.valueEntry) }, { ALT: () => this.SUBRULE(this.elseEntry) }]),
    );
    this.CONSUME(T.RCurly);
  });

  private valueEntry = this.RULE("valueEntry", () => {
    this.SUBRULE(this.literal, { LABEL: "from" });
    this.CONSUME(T.FatArrow);
    this.SUBRULE2(this.literal, { LABEL: "to" });
  });

  private elseEntry = this.RULE("elseEntry", () => {
    this.CONSUME(T.Else);
    this.CONSUME(T.FatArrow);
    this.OR([
      { ALT: () => this.CONSUME(T.Fail, { LABEL: "policy" }) },
      { ALT: () => this.CONSUME(T.Keep, { LABEL: "policy" }) },
      { ALT: () => this.CONSUME(T.Empty, { LABEL: "policy" }) },
      { ALT: () => this.SUBRULE(this.literal) },
    ]);
  });

  // custom field res.partner.x_tier: selection "Customer Tier" { "gold" => "Gold" }
  // custom model x_project "Project" { field x_name: char "Name" required }
  private customDecl = this.RULE("customDecl", () => {
    this.CONSUME(T.Custom);
    this.OR([{ ALT: () => this.SUBRULE(this.customField) }, { ALT: () => this.SUBRULE(this.customModel) }]);
  });

  private customField = this.RULE("customField", () => {
    this.CONSUME(T.Field);
    this.SUBRULE(this.fieldSignature);
  });

  private customModel = this.RULE("customModel", () => {
    this.CONSUME(T.Model);
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.StringLiteral, { LABEL: "label" });
    this.CONSUME(T.LCurly);
    this.MANY(() => {
      this.CONSUME(T.Field);
      this.SUBRULE(this.fieldSignature);
    });
    this.CONSUME(T.RCurly);
  });

  private fieldSignature = this.RULE("fieldSignature", () => {
    this.CONSUME(T.Name, { LABEL: "name" });
    this.CONSUME(T.Colon);
    this.CONSUME2(T.Name, { LABEL: "type" });
    this.OPTION(() => this.CONSUME3(T.Name, { LABEL: "relation" }));
    this.CONSUME(T.StringLiteral, { LABEL: "label" });
    this.OPTION2(() => this.CONSUME(T.Required));
    this.OPTION3(() => {
      this.CONSUME(T.LCurly);
      this.MANY(() => this.SUBRULE(this.valueEntry));
      this.CONSUME(T.RCurly);
    });
  });

  // map Deal -> crm.lead as Opportunity 1:1 lossy requires crm where "Pipeline" == "Sales" { … }
  private mapDecl = this.RULE("mapDecl", () => {
    this.CONSUME(T.Map);
    this.CONSUME(T.Name, { LABEL: "source" });
    this.CONSUME(T.Arrow);
    this.CONSUME2(T.Name, { LABEL: "model" });
    this.OPTION(() => {
      this.CONSUME(T.As);
      this.CONSUME3(T.Name, { LABEL: "alias" });
    });
    this.OPTION2(() => this.CONSUME(T.Cardinality));
    this.OPTION3(() => this.CONSUME(T.Lossy));
    this.OPTION4(() => {
      this.OR([
        { ALT: () => this.CONSUME(T.Requires, { LABEL: "guard" }) },
        { ALT: () => this.CONSUME(T.Unless, { LABEL: "guard" }) },
      ]);
      this.CONSUME4(T.Name, { LABEL: "module" });
    });
    // into Email by "_activityid_value": the rows add to the records another map made, not records of their own
    this.OPTION6(() => {
      this.CONSUME(T.Into);
      this.CONSUME5(T.Name, { LABEL: "into" });
      this.CONSUME(T.By);
      this.SUBRULE(this.expression, { LABEL: "intoKey" });
    });
    this.OPTION5(() => {
      this.CONSUME(T.Where);
      this.SUBRULE(this.condition);
    });
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.mapItem));
    this.CONSUME(T.RCurly);
  });

  private mapItem = this.RULE("mapItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.dedupeItem) },
      { ALT: () => this.SUBRULE(this.eachItem) },
      { ALT: () => this.SUBRULE(this.dropItem) },
      { ALT: () => this.SUBRULE(this.lostItem) },
      { ALT: () => this.SUBRULE(this.noteItem) },
      { ALT: () => this.SUBRULE(this.customPropertiesItem) },
      { ALT: () => this.SUBRULE(this.assignment) },
    ]);
  });

  // custom properties prefix "x_smartdesk_": every custom property the export's metadata lists (and the
  // source declares no column for) lands in an x_ field of its own, created by apply-schema
  private customPropertiesItem = this.RULE("customPropertiesItem", () => {
    this.CONSUME(T.Custom);
    this.CONSUME(T.Properties);
    this.CONSUME(T.Prefix);
    this.CONSUME(T.StringLiteral, { LABEL: "prefix" });
  });

  // dedupe by "Company Domain Name" | domain keep first
  private dedupeItem = this.RULE("dedupeItem", () => {
    this.CONSUME(T.Dedupe);
    this.CONSUME(T.By);
    this.SUBRULE(this.expression);
    this.OPTION(() => {
      this.CONSUME(T.Keep);
      this.CONSUME(T.Name, { LABEL: "keep" });
    });
  });

  // each "Associated Contact IDs" | split ";"
  private eachItem = this.RULE("eachItem", () => {
    this.CONSUME(T.Each);
    this.SUBRULE(this.expression);
  });

  private dropItem = this.RULE("dropItem", () => {
    this.CONSUME(T.Drop);
    this.CONSUME(T.StringLiteral, { LABEL: "column" });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.StringLiteral, { LABEL: "column" });
    });
    this.CONSUME(T.Because);
    this.CONSUME3(T.StringLiteral, { LABEL: "reason" });
  });

  private lostItem = this.RULE("lostItem", () => {
    this.CONSUME(T.Lost);
    this.CONSUME(T.StringLiteral, { LABEL: "what" });
    this.CONSUME(T.Because);
    this.CONSUME2(T.StringLiteral, { LABEL: "reason" });
  });

  private noteItem = this.RULE("noteItem", () => {
    this.CONSUME(T.Note);
    this.CONSUME(T.StringLiteral, { LABEL: "text" });
  });

  // name <- "Company name" | trim required      is_company = true      model, res_id <- link … { … }
  // partner_ids += "guests[guestable_type=users].guestable_id" | lookup UserPartner   (adds to a many2many)
  private assignment = this.RULE("assignment", () => {
    this.CONSUME(T.Name, { LABEL: "target" });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Name, { LABEL: "target" });
    });
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.TakesFrom);
          this.OR2([{ ALT: () => this.SUBRULE(this.linkExpr) }, { ALT: () => this.SUBRULE(this.expression) }]);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.AddsFrom);
          this.SUBRULE2(this.expression);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Assign);
          this.SUBRULE(this.literal);
        },
      },
    ]);
    this.OPTION(() => this.CONSUME(T.Required));
    // `deferred` is soft: followed by `<-`, `=` or `,` it is the next assignment's field.
    this.OPTION3({ GATE: () => !assignmentOperators.has(this.LA(2).tokenType), DEF: () => this.CONSUME(T.Deferred) });
    this.OPTION2(() => {
      this.CONSUME(T.When);
      this.SUBRULE(this.condition);
    });
  });

  // link "Related To", "Related ID" { "lead" => Lead }   or   link first { "associations.deals" => Deal }
  private linkExpr = this.RULE("linkExpr", () => {
    this.CONSUME(T.Link);
    this.OR([
      { ALT: () => this.CONSUME(T.First) },
      {
        ALT: () => {
          this.CONSUME(T.StringLiteral, { LABEL: "typeColumn" });
          this.CONSUME(T.Comma);
          this.CONSUME2(T.StringLiteral, { LABEL: "idColumn" });
        },
      },
    ]);
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.linkCase));
    this.CONSUME(T.RCurly);
    this.OPTION(() => this.SUBRULE(this.onMissing));
  });

  private linkCase = this.RULE("linkCase", () => {
    this.CONSUME(T.StringLiteral, { LABEL: "when" });
    this.CONSUME(T.FatArrow);
    this.CONSUME(T.Name, { LABEL: "object" });
  });

  // "Amount" | money     ("First Name", "Last Name") | join " "     item | ref Contact on missing queue
  private expression = this.RULE("expression", () => {
    this.SUBRULE(this.primary);
    this.MANY(() => {
      this.CONSUME(T.Pipe);
      this.SUBRULE(this.step);
    });
  });

  private primary = this.RULE("primary", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "column" }) },
      { ALT: () => this.CONSUME(T.Item) },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.CONSUME2(T.StringLiteral, { LABEL: "column" });
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.CONSUME3(T.StringLiteral, { LABEL: "column" });
          });
          this.CONSUME(T.RParen);
        },
      },
    ]);
  });

  private step = this.RULE("step", () => {
    // `ref`, `lookup` and `map` take a name; any other step is a transform with literal arguments. The
    // keyword alternatives come first and win over the generic one.
    this.OR({
      IGNORE_AMBIGUITIES: true,
      DEF: [
        {
          ALT: () => {
            this.CONSUME(T.Ref, { LABEL: "op" });
            this.CONSUME(T.Name, { LABEL: "target" });
            this.OPTION(() => this.SUBRULE(this.onMissing));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Lookup, { LABEL: "op" });
            this.CONSUME2(T.Name, { LABEL: "target" });
            this.OPTION2(() => this.SUBRULE2(this.onMissing));
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.Map, { LABEL: "op" });
            this.CONSUME3(T.Name, { LABEL: "target" });
          },
        },
        {
          ALT: () => {
            this.CONSUME4(T.Name, { LABEL: "op" });
            this.MANY({ GATE: () => this.startsStepArg(), DEF: () => this.SUBRULE(this.stepArg) });
          },
        },
      ],
    });
  });

  // A step's arguments end at the first token that cannot start one. Soft keywords make `required` or a
  // next field name look like a named argument to LL(1), so a name counts only when a colon follows it.
  private startsStepArg(): boolean {
    const next = this.LA(1).tokenType;
    if (next === T.Colon) return false;
    if (literalStarts.has(next)) return true;
    return tokenMatcher(this.LA(1), T.Name) && this.LA(2).tokenType === T.Colon;
  }

  // Positional literals, or `name: literal` for named ones (`datetime "YYYY-MM-DD HH:mm" tz: "Asia/Kolkata"`).
  private stepArg = this.RULE("stepArg", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Name, { LABEL: "name" });
          this.CONSUME(T.Colon);
          this.SUBRULE(this.literal);
        },
      },
      { ALT: () => this.SUBRULE2(this.literal) },
    ]);
  });

  private documentDecl = this.RULE("documentDecl", () => {
    this.CONSUME(T.Document);
    this.CONSUME(T.Name, { LABEL: "name" });
    this.OPTION(() => this.CONSUME(T.StringLiteral, { LABEL: "label" }));
    this.CONSUME(T.LCurly);
    this.MANY(() => this.SUBRULE(this.setting));
    this.CONSUME(T.RCurly);
  });

  private orderDecl = this.RULE("orderDecl", () => {
    this.CONSUME(T.Order);
    this.CONSUME(T.Name, { LABEL: "entry" });
    this.MANY(() => {
      this.CONSUME(T.Comma);
      this.CONSUME2(T.Name, { LABEL: "entry" });
    });
  });

  private condition = this.RULE("condition", () => {
    this.SUBRULE(this.andCondition, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andCondition, { LABEL: "operand" });
    });
  });

  private andCondition = this.RULE("andCondition", () => {
    this.SUBRULE(this.notCondition, { LABEL: "operand" });
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notCondition, { LABEL: "operand" });
    });
  });

  private notCondition = this.RULE("notCondition", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notCondition, { LABEL: "negated" });
        },
      },
      { ALT: () => this.SUBRULE(this.atomCondition) },
    ]);
  });

  private atomCondition = this.RULE("atomCondition", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.condition);
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Installed);
          this.CONSUME(T.Name, { LABEL: "module" });
        },
      },
      {
        ALT: () => {
          this.SUBRULE(this.primary, { LABEL: "subject" });
          // `"activity_type_id" | lookup TypeFlag in ("call", "meeting")`: a value found in a source read ahead
          this.MANY(() => {
            this.CONSUME(T.Pipe);
            this.CONSUME(T.Lookup);
            this.CONSUME2(T.Name, { LABEL: "through" });
          });
          this.SUBRULE(this.comparison);
        },
      },
    ]);
  });

  private comparison = this.RULE("comparison", () => {
    this.OR([
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Equals, { LABEL: "op" }) },
            { ALT: () => this.CONSUME(T.NotEquals, { LABEL: "op" }) },
          ]);
          this.SUBRULE(this.literal);
        },
      },
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME2(T.Not, { LABEL: "notIn" }));
          this.CONSUME(T.In, { LABEL: "op" });
          this.CONSUME(T.LParen);
          this.SUBRULE2(this.literal);
          this.MANY(() => {
            this.CONSUME(T.Comma);
            this.SUBRULE3(this.literal);
          });
          this.CONSUME(T.RParen);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Is, { LABEL: "op" });
          this.OPTION(() => this.CONSUME(T.Not));
          this.CONSUME(T.Empty);
        },
      },
    ]);
  });

  private literal = this.RULE("literal", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.StringLiteral, { LABEL: "string" }) },
      { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "number" }) },
      { ALT: () => this.CONSUME(T.True, { LABEL: "boolean" }) },
      { ALT: () => this.CONSUME(T.False, { LABEL: "boolean" }) },
      { ALT: () => this.CONSUME(T.Null, { LABEL: "null" }) },
      {
        ALT: () => {
          this.CONSUME(T.Xmlid);
          this.CONSUME2(T.StringLiteral, { LABEL: "xmlid" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Record);
          this.CONSUME(T.Name, { LABEL: "record" });
        },
      },
    ]);
  });
}

/** One parser instance serves every parse: building it runs the grammar's self-analysis, which is slow. */
let parser: MapspecParser | undefined;

/** The parser, made on first use: its grammar analysis takes 0.2 s, which commands that parse no spec need not pay. */
export function mapspecParser(): MapspecParser {
  parser ??= new MapspecParser();
  return parser;
}

export interface ParseOutput {
  cst: CstNode;
  tokens: IToken[];
  comments: IToken[];
}
