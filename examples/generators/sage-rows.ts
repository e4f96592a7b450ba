// The tables of a Sage CRM export and their columns in the sample, and each record as the cells of those
// columns, printed as SQL Server prints them (sage-format.ts). Every table ends in its audit columns; the
// customer's custom columns follow them (sage-custom-fields.ts). A variant then picks, renames and adds
// columns (sage-variants.ts); the cells here do not change.
import {
  CAPTION_FAMILIES,
  CURRENCIES,
  REPLACED_CAPTION,
  REPORTS,
  SCREEN_OBJECTS,
  TABLE_DEFINITIONS,
  USERS,
  WORKFLOW_RULES,
  configStamps,
  type Caption,
} from "./sage-account.js";
import type { Address, AddressLink, EmailEntry, EntityLink, PhoneEntry } from "./sage-contacts.js";
import type { Communication, CommLink, LibraryFile, Note } from "./sage-communications.js";
import { PROJECT_FIELDS, type CustomColumn, type FieldContext } from "./sage-custom-fields.js";
import { dateTimeCell, deletedCell, flagY, london, money, numberCell, sageDateTime, type Cell } from "./sage-format.js";
import type { Audit, Case, Company, Lead, Opportunity, Person, Project } from "./sage-model.js";

/** The tables, in the order they are written. */
export const SAGE_TABLES = [
  "Users",
  "Currency",
  "Custom_Captions",
  "Custom_Tables",
  "Custom_Edits",
  "Company",
  "Person",
  "Address",
  "Address_Link",
  "Email",
  "EmailLink",
  "Phone",
  "PhoneLink",
  "Lead",
  "Opportunity",
  "Cases",
  "Communication",
  "Comm_Link",
  "Library",
  "Notes",
  "Project",
  "WorkflowRule",
  "Custom_Reports",
  "Custom_ScreenObjects",
] as const;

export type SageTable = (typeof SAGE_TABLES)[number];

/** Each table's column prefix, which its audit columns carry too. */
export const PREFIXES: Readonly<Record<SageTable, string>> = {
  Users: "User",
  Currency: "Curr",
  Custom_Captions: "Capt",
  Custom_Tables: "Bord",
  Custom_Edits: "ColP",
  Company: "Comp",
  Person: "Pers",
  Address: "Addr",
  Address_Link: "AdLi",
  Email: "Emai",
  EmailLink: "ELink",
  Phone: "Phon",
  PhoneLink: "PLink",
  Lead: "Lead",
  Opportunity: "Oppo",
  Cases: "Case",
  Communication: "Comm",
  Comm_Link: "CmLi",
  Library: "Libr",
  Notes: "Note",
  Project: "proj",
  WorkflowRule: "WkRl",
  Custom_Reports: "Repo",
  Custom_ScreenObjects: "Cobj",
};

const AUDIT_SUFFIXES = ["CreatedBy", "CreatedDate", "UpdatedBy", "UpdatedDate", "TimeStamp", "Deleted"] as const;

/** `Comp_CreatedBy, Comp_CreatedDate, Comp_UpdatedBy, Comp_UpdatedDate, Comp_TimeStamp, Comp_Deleted`. */
export const auditColumns = (table: SageTable): string[] => AUDIT_SUFFIXES.map((s) => `${PREFIXES[table]}_${s}`);

/** Each table's own columns in the sample, in order, before its audit columns. */
const OWN_COLUMNS: Readonly<Record<SageTable, readonly string[]>> = {
  Users: [
    ...["User_UserId", "User_Logon", "User_FirstName", "User_LastName", "User_EmailAddress", "User_Department"],
    ...["User_Language", "User_Resource", "User_Disabled"],
  ],
  Currency: ["Curr_CurrencyID", "Curr_Symbol", "Curr_Description", "Curr_Rate"],
  Custom_Captions: [
    ...["Capt_CaptionId", "Capt_FamilyType", "Capt_Family", "Capt_Code", "Capt_Order", "Capt_US", "Capt_UK"],
    "Capt_DE",
  ],
  Custom_Tables: ["Bord_TableId", "Bord_Name", "Bord_Caption", "Bord_Prefix", "Bord_IdField", "Bord_System"],
  Custom_Edits: [
    "ColP_ColPropsId",
    "ColP_ColName",
    "ColP_Entity",
    "ColP_EntryType",
    "ColP_Caption",
    "ColP_LookupFamily",
  ],
  Company: [
    ...["Comp_CompanyId", "Comp_PrimaryPersonId", "Comp_PrimaryAddressId", "Comp_PrimaryUserId", "Comp_Name"],
    ...["Comp_Type", "Comp_Status", "Comp_Source", "Comp_Territory", "Comp_Revenue", "Comp_Employees", "Comp_Sector"],
    ...["Comp_WebSite", "Comp_MailRestriction"],
  ],
  Person: [
    ...["Pers_PersonId", "Pers_CompanyId", "Pers_PrimaryAddressId", "Pers_PrimaryUserId", "Pers_Salutation"],
    ...["Pers_FirstName", "Pers_LastName", "Pers_Title", "Pers_Department", "Pers_Status", "Pers_Source"],
    ...["Pers_WebStatus", "Pers_WebLogin"],
  ],
  Address: [
    ...["Addr_AddressId", "Addr_Address1", "Addr_Address2", "Addr_Address3", "Addr_Address4", "Addr_City"],
    ...["Addr_State", "Addr_PostCode", "Addr_Country"],
  ],
  Address_Link: ["AdLi_AddressLinkId", "AdLi_AddressId", "AdLi_CompanyID", "AdLi_PersonID", "AdLi_Type"],
  Email: ["Emai_EmailId", "Emai_EmailAddress"],
  EmailLink: ["ELink_LinkId", "ELink_EmailId", "ELink_EntityId", "ELink_RecordID", "ELink_Type"],
  Phone: ["Phon_PhoneId", "Phon_CountryCode", "Phon_AreaCode", "Phon_Number"],
  PhoneLink: ["PLink_LinkId", "PLink_PhoneId", "PLink_EntityID", "PLink_RecordID", "PLink_Type"],
  Lead: [
    ...["Lead_LeadId", "Lead_PrimaryCompanyId", "Lead_PrimaryPersonId", "Lead_AssignedUserId", "Lead_OpportunityId"],
    ...["Lead_Description", "Lead_Details", "Lead_Stage", "Lead_Status", "Lead_Source", "Lead_Rating"],
    ...["Lead_CompanyName", "Lead_CompanyWebSite", "Lead_PersonFirstName", "Lead_PersonLastName", "Lead_PersonTitle"],
    ...["Lead_PersonEmail", "Lead_PersonPhoneNumber"],
  ],
  Opportunity: [
    ...["Oppo_OpportunityId", "Oppo_PrimaryCompanyId", "Oppo_PrimaryPersonId", "Oppo_AssignedUserId", "Oppo_LeadId"],
    ...["Oppo_Description", "Oppo_Type", "Oppo_Source", "Oppo_Status", "Oppo_Stage", "Oppo_Forecast"],
    ...["Oppo_Forecast_CID", "Oppo_Certainty", "Oppo_Priority", "Oppo_Opened", "Oppo_TargetClose", "Oppo_ActualClose"],
    "Oppo_Note",
  ],
  Cases: [
    ...["Case_CaseId", "Case_PrimaryCompanyId", "Case_PrimaryPersonId", "Case_AssignedUserId", "Case_ReferenceId"],
    ...["Case_Description", "Case_ProblemType", "Case_ProblemNote", "Case_SolutionNote", "Case_Opened", "Case_Closed"],
    ...["Case_Status", "Case_Stage", "Case_Priority"],
  ],
  Communication: [
    ...["Comm_CommunicationId", "Comm_OpportunityId", "Comm_CaseId", "Comm_Type", "Comm_Action", "Comm_Status"],
    ...["Comm_Priority", "Comm_DateTime", "Comm_ToDateTime", "Comm_Private", "Comm_Subject", "Comm_Note", "Comm_Email"],
    ...["Comm_From", "Comm_TO", "Comm_Location", "Comm_HasAttachments"],
  ],
  Comm_Link: [
    ...["CmLi_CommLinkId", "CmLi_Comm_CommunicationId", "CmLi_Comm_UserId", "CmLi_Comm_PersonId"],
    ...["CmLi_Comm_CompanyId", "CmLi_Comm_LeadId"],
  ],
  Library: [
    ...["Libr_LibraryId", "Libr_CompanyId", "Libr_PersonId", "Libr_OpportunityId", "Libr_CaseId"],
    ...["Libr_CommunicationId", "Libr_FileName", "Libr_FilePath", "Libr_FileSize", "Libr_Type", "Libr_Note"],
  ],
  Notes: ["Note_NoteId", "Note_ForeignTableId", "Note_ForeignId", "Note_Note"],
  Project: [
    ...["proj_ProjectId", "proj_Name", "proj_CompanyId", "proj_PersonId", "proj_OpportunityId", "proj_Status"],
    ...["proj_StartDate", "proj_Budget", "proj_UserId"],
  ],
  WorkflowRule: [
    ...["WkRl_WorkflowRuleId", "WkRl_WorkflowId", "WkRl_Caption", "WkRl_Table", "WkRl_Type", "WkRl_Enabled"],
    "WkRl_JavascriptCondition",
  ],
  Custom_Reports: ["Repo_ReportID", "Repo_Name", "Repo_Category", "Repo_MainView", "Repo_Description"],
  Custom_ScreenObjects: ["Cobj_CustomContentId", "Cobj_Name", "Cobj_EntityName", "Cobj_Type", "Cobj_CustomContent"],
};

/** Each table's columns in the sample, custom columns aside: its own, then its audit columns. */
export const sampleColumns = (table: SageTable): string[] => [...OWN_COLUMNS[table], ...auditColumns(table)];

/** A row as written: the cells of the table's columns, and what a custom column of its record draws on. */
export interface TableRow {
  /** The record's index in its table (for a custom column's stream); a running index for the others. */
  index: number;
  cells: readonly Cell[];
  context?: FieldContext;
}

const id = (value: number | undefined): Cell => (value === undefined ? null : String(value));

function auditCells(audit: Audit): Cell[] {
  return [
    String(audit.createdBy),
    sageDateTime(audit.created),
    String(audit.updatedBy),
    sageDateTime(audit.updated),
    sageDateTime(audit.updated),
    deletedCell(audit.deleted),
  ];
}

/** The audit cells of configuration row k, made by the administrator. */
function configAudit(k: number, deleted = false, at?: number): Cell[] {
  const { created, updated } = configStamps(k);
  return auditCells({
    createdBy: 1,
    created: at ?? created,
    updatedBy: 1,
    updated: at ?? updated,
    deleted,
  });
}

export function userRows(): Cell[][] {
  return USERS.map((u, k) => [
    ...[String(u.id), u.logon, u.first, u.last, u.email, u.department, u.language],
    ...[flagY(u.resource), flagY(u.disabled), ...configAudit(k)],
  ]);
}

export function currencyRows(): Cell[][] {
  return CURRENCIES.map((c, k) => [String(c.id), c.symbol, c.description, c.rate, ...configAudit(k)]);
}

/** A caption row: its family, its place in the family, its labels. */
interface CaptionRow {
  familyType: "Choices" | "Tags";
  family: string;
  order: number;
  caption: Caption;
  deleted: boolean;
  /** When it was added, for captions added after the installation. */
  at?: number;
}

const familyRows = (family: string, captions: readonly Caption[], at?: number): CaptionRow[] =>
  captions.map((caption, k) => ({ familyType: "Choices", family, order: k + 1, caption, deleted: false, at }));

/** The captions of custom columns: their selections' codes, and their field labels (family ColNames). */
function customCaptionRows(columns: readonly CustomColumn[], at?: number): CaptionRow[] {
  return [
    ...columns.flatMap((c) => familyRows(c.column, c.captions, at)),
    ...columns.map((c): CaptionRow => ({
      familyType: "Tags",
      family: "ColNames",
      order: 0,
      caption: { code: c.column, us: c.caption, de: c.captionDe },
      deleted: false,
      at,
    })),
  ];
}

/**
 * Custom_Captions: every family of the standard tables (the replaced caption as it was, deleted), the sample's
 * custom columns, the caption that replaced it (2021), and then the captions of columns a variant adds (2023).
 */
export function captionRows(sampleColumns: readonly CustomColumn[], addedColumns: readonly CustomColumn[]): Cell[][] {
  const replaced = (family: string, caption: Caption): boolean =>
    family === REPLACED_CAPTION.family && caption.code === REPLACED_CAPTION.code;
  const standard = Object.entries(CAPTION_FAMILIES).flatMap(([family, captions]) =>
    familyRows(family, captions).map((row) =>
      replaced(family, row.caption)
        ? {
            ...row,
            caption: { code: row.caption.code, us: REPLACED_CAPTION.us, de: REPLACED_CAPTION.de },
            deleted: true,
          }
        : row,
    ),
  );
  const webRow = standard.find((row) => row.deleted)!;
  const replacement: CaptionRow = {
    ...webRow,
    caption: CAPTION_FAMILIES[REPLACED_CAPTION.family]!.find((c) => c.code === REPLACED_CAPTION.code)!,
    deleted: false,
    at: london(2021, 2, 8, 11, 42, 17),
  };
  const rows = [
    ...standard,
    ...customCaptionRows(sampleColumns),
    replacement,
    ...customCaptionRows(addedColumns, london(2023, 9, 4, 15, 3, 41)),
  ];
  return rows.map((row, k) => [
    ...[String(k + 1), row.familyType, row.family, row.caption.code, String(row.order)],
    ...[row.caption.us, row.caption.uk ?? row.caption.us, row.caption.de],
    ...configAudit(k, row.deleted, row.at),
  ]);
}

export function tableDefinitionRows(): Cell[][] {
  return TABLE_DEFINITIONS.map((t, k) => [
    ...[String(t.id), t.name, t.caption, t.prefix, t.idField, flagY(t.system)],
    ...configAudit(k, false, t.system ? undefined : london(2018, 5, 21, 10, 12, 5)),
  ]);
}

/** Custom_Edits: the sample's custom columns, the custom entity's fields, then the columns a variant adds. */
export function customEditRows(
  sampleColumns: readonly CustomColumn[],
  addedColumns: readonly CustomColumn[],
): Cell[][] {
  const rows: {
    column: string;
    entity: string;
    entryType: number;
    caption: string;
    family: string | null;
    at: number;
  }[] = [
    ...sampleColumns.map((c, k) => ({
      column: c.column,
      entity: c.table,
      entryType: c.entryType,
      caption: c.caption,
      family: c.entryType === 21 ? c.column : null,
      at: london(2017, 1, 16, 14, 0) + k * 86_400_000 * 40,
    })),
    ...PROJECT_FIELDS.map((f) => ({
      column: f.column,
      entity: "Project",
      entryType: f.entryType,
      caption: f.caption,
      family: f.family ?? null,
      at: london(2018, 5, 21, 10, 14, 33),
    })),
    ...addedColumns.map((c) => ({
      column: c.column,
      entity: c.table,
      entryType: c.entryType,
      caption: c.caption,
      family: c.entryType === 21 ? c.column : null,
      at: london(2023, 9, 4, 15, 2, 10),
    })),
  ];
  return rows.map((r, k) => [
    ...[String(k + 1), r.column, r.entity, String(r.entryType), r.caption, r.family],
    ...configAudit(k, false, r.at),
  ]);
}

export function workflowRuleRows(): Cell[][] {
  return WORKFLOW_RULES.map((w, k) => [
    ...[String(w.id), String(w.workflowId), w.caption, w.table, w.type, flagY(w.enabled), w.condition],
    ...configAudit(k, w.deleted),
  ]);
}

export function reportRows(): Cell[][] {
  return REPORTS.map((r, k) => [
    ...[String(r.id), r.name, r.category, r.mainView, r.description],
    ...configAudit(k, r.deleted),
  ]);
}

export function screenObjectRows(): Cell[][] {
  return SCREEN_OBJECTS.map((s, k) => [
    ...[String(s.id), s.name, s.entity, s.type, s.content],
    ...configAudit(k, s.deleted),
  ]);
}

export function companyRow(c: Company): Cell[] {
  return [
    ...[String(c.id), id(c.primaryPersonId), String(c.primaryAddressId), String(c.primaryUserId), c.name, c.type],
    ...[c.status, c.source, c.territory, c.revenue, c.employees, c.sector, c.website, flagY(c.mailRestriction)],
    ...auditCells(c.audit),
  ];
}

export function personRow(p: Person): Cell[] {
  return [
    ...[String(p.id), id(p.companyId), id(p.primaryAddressId), String(p.primaryUserId), p.salutation, p.first],
    ...[p.last, p.jobTitle, p.department, p.status, p.source, p.webStatus, p.webLogin],
    ...auditCells(p.audit),
  ];
}

export function addressRow(a: Address): Cell[] {
  return [String(a.id), ...a.lines, a.city, a.state, a.postCode, a.country, ...auditCells(a.audit)];
}

export function addressLinkRow(linkId: number, l: AddressLink): Cell[] {
  return [String(linkId), String(l.addressId), id(l.companyId), id(l.personId), l.type, ...auditCells(l.audit)];
}

export function emailRow(emailId: number, e: EmailEntry): Cell[] {
  return [String(emailId), e.address, ...auditCells(e.link.audit)];
}

/** A row of EmailLink or PhoneLink: its own id, the e-mail's or phone's id, the entity and record. */
export function entityLinkRow(linkId: number, targetId: number, l: EntityLink): Cell[] {
  return [String(linkId), String(targetId), String(l.entity), String(l.recordId), l.type, ...auditCells(l.audit)];
}

export function phoneRow(phoneId: number, p: PhoneEntry): Cell[] {
  return [String(phoneId), p.countryCode, p.areaCode, p.number, ...auditCells(p.audit)];
}

export function leadRow(l: Lead): Cell[] {
  return [
    ...[String(l.id), id(l.companyId), id(l.personId), String(l.assignedUserId), id(l.opportunityId)],
    ...[l.description, l.details, l.stage, l.status, l.source, l.rating, l.companyName, l.companyWebsite],
    ...[l.personFirst, l.personLast, l.personTitle, l.personEmail, l.personPhone],
    ...auditCells(l.audit),
  ];
}

export function opportunityRow(o: Opportunity): Cell[] {
  return [
    ...[String(o.id), id(o.companyId), id(o.personId), String(o.assignedUserId), id(o.leadId), o.description],
    ...[o.type, o.source, o.status, o.stage, money(o.forecast), String(o.currency.id), String(o.certainty)],
    ...[o.priority, sageDateTime(o.opened), sageDateTime(o.targetClose), dateTimeCell(o.actualClose), o.note],
    ...auditCells(o.audit),
  ];
}

export function caseRow(k: Case): Cell[] {
  return [
    ...[String(k.id), String(k.companyId), id(k.personId), String(k.assignedUserId), k.referenceId, k.description],
    ...[k.problemType, k.problemNote, k.solutionNote, sageDateTime(k.opened), dateTimeCell(k.closed), k.status],
    ...[k.stage, k.priority],
    ...auditCells(k.audit),
  ];
}

export function communicationRow(c: Communication): Cell[] {
  return [
    ...[String(c.id), id(c.opportunityId), id(c.caseId), c.type, c.action, c.status, c.priority],
    ...[sageDateTime(c.start), dateTimeCell(c.end), flagY(c.isPrivate), c.subject, c.note, c.email, c.from, c.to],
    ...[c.location, flagY(c.hasAttachments)],
    ...auditCells(c.audit),
  ];
}

export function commLinkRow(linkId: number, communicationId: number, l: CommLink, audit: Audit): Cell[] {
  return [
    ...[String(linkId), String(communicationId), id(l.userId), id(l.personId), id(l.companyId), id(l.leadId)],
    ...auditCells(audit),
  ];
}

export function libraryRow(f: LibraryFile): Cell[] {
  return [
    ...[String(f.id), id(f.companyId), id(f.personId), id(f.opportunityId), id(f.caseId), id(f.communicationId)],
    ...[f.fileName, f.filePath, numberCell(f.content.length), f.type, f.note],
    ...auditCells(f.audit),
  ];
}

export function noteRow(n: Note): Cell[] {
  return [String(n.id), String(n.foreignTableId), String(n.foreignId), n.body, ...auditCells(n.audit)];
}

export function projectRow(p: Project): Cell[] {
  return [
    ...[String(p.id), p.name, id(p.companyId), id(p.personId), String(p.opportunityId), p.status],
    ...[sageDateTime(p.startDate), money(p.budget), String(p.userId)],
    ...auditCells(p.audit),
  ];
}
