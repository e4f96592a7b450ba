// The awkward cases of a Sage CRM export, with the ids of the rows that carry them: those of the first block
// (every block repeats the cases), so every scale has them. A variant only renames the file they are in. Every
// case is valid input a migration must cope with; broken input (an impossible date, a byte Windows-1252 does
// not define, a Library path out of Library\) is made from the sample by sage-broken-input.ts instead.
import { DISABLED_USER, REPLACED_CAPTION, RESOURCE_USER, WORKFLOW_RULES, userName } from "./sage-account.js";
import { communication, libraryFile } from "./sage-communications.js";
import { PERSON_ENTITY, emailEntries, hasFourAddressLines, phoneEntries } from "./sage-contacts.js";
import { SAMPLE_COLUMNS } from "./sage-custom-fields.js";
import { londonOffset, sageDateTime } from "./sage-format.js";
import {
  AT,
  ATTACHMENT_EMAILS,
  BASE_COUNTS,
  LEAD_OPPORTUNITIES,
  PRIVATE_PERSONS,
  isAt,
  isMeeting,
  opportunityHasPerson,
} from "./sage-layout.js";
import { EXPORTED_AT, SageModel } from "./sage-model.js";
import { captionRows, type SageTable } from "./sage-rows.js";
import { SageShape, resolveSageVariants } from "./sage-variants.js";
import type { AwkwardCase } from "./readme-tables.js";

export interface SageTrap extends AwkwardCase {
  ids: string[];
}

type Trap = [key: string, table: SageTable, ids: readonly number[], description: string];

/** The id of position `position` of the first block: ids count from 1. */
const id = (position: number) => position + 1;
const ids = (positions: readonly number[]) => positions.map(id);
const range = (count: number) => Array.from({ length: count }, (_, k) => k);

export function sageTraps(scale: number, seed = 1, variants: readonly string[] = []): SageTrap[] {
  const model = new SageModel(seed >>> 0, scale);
  const shape = new SageShape(model.seed, resolveSageVariants(variants));
  return [...partyTraps(model), ...salesTraps(model), ...activityTraps(model), ...configTraps(shape)].map(
    ([key, table, rowIds, description]) => ({
      key,
      file: shape.fileName(table),
      ids: rowIds.map(String),
      description,
    }),
  );
}

function partyTraps(model: SageModel): Trap[] {
  const company = (p: number) => model.company(p);
  const person = (p: number) => model.person(p);
  const names = (positions: readonly number[], of: (p: number) => string) => positions.map(of).join('", "');
  const summer = range(BASE_COUNTS.companies).find((c) => londonOffset(company(c).audit.created) > 0)!;
  const winter = range(BASE_COUNTS.companies).find((c) => londonOffset(company(c).audit.created) === 0)!;
  const fourLines = range(BASE_COUNTS.companies).filter(hasFourAddressLines);
  return [
    [
      "accented-company-names",
      "Company",
      ids(AT.company.accented),
      `"${names(AT.company.accented, (c) => company(c).name)}": ø, é, ü, ö are single bytes in Windows-1252 (0xF8, 0xE9, 0xFC, 0xF6), and so is the curly apostrophe ’ (0x92).`,
    ],
    [
      "quoted-company-name",
      "Company",
      [id(AT.company.quoted)],
      `\`${company(AT.company.quoted).name}\`: a quoted cell with doubled quotes.`,
    ],
    [
      "comma-in-company-name",
      "Company",
      [id(AT.company.comma)],
      `\`${company(AT.company.comma).name}\`: a quoted cell.`,
    ],
    [
      "duplicate-company",
      "Company",
      ids(AT.company.duplicate),
      `"${names(AT.company.duplicate, (c) => company(c).name)}": one firm entered twice, same address; only the case of the name differs.`,
    ],
    [
      "deleted-companies",
      "Company",
      ids(AT.company.deleted),
      "`Comp_Deleted` 1; every live row has `Comp_Deleted` NULL.",
    ],
    [
      "company-without-primary-person",
      "Company",
      [id(AT.company.noPrimaryPerson)],
      "`Comp_PrimaryPersonId` NULL, though a person works there.",
    ],
    [
      "summer-and-winter-time",
      "Company",
      [id(summer), id(winter)],
      `Created ${sageDateTime(company(summer).audit.created)} (BST, UTC+1) and ${sageDateTime(company(winter).audit.created)} (GMT): server-local times, with nothing to say which offset applies.`,
    ],
    [
      "four-address-lines",
      "Address",
      fourLines.map((c) => company(c).primaryAddressId),
      "Addr_Address1 to Addr_Address4 all filled (street, building, park, an attention line).",
    ],
    [
      "country-codes",
      "Address",
      [company(AT.company.accented[0]).primaryAddressId],
      "`Addr_Country` holds a caption code (`DK`, `UK` for the United Kingdom, not ISO's GB); Custom_Captions family `Addr_Country` names it.",
    ],
    [
      "private-persons",
      "Person",
      ids(PRIVATE_PERSONS),
      "`Pers_CompanyId` NULL: private customers, with a home address (`AdLi_Type` Home) and a private e-mail.",
    ],
    [
      "accented-person-names",
      "Person",
      ids(AT.person.accented),
      `"${names(AT.person.accented, (p) => `${person(p).first} ${person(p).last}`)}".`,
    ],
    [
      "null-last-name",
      "Person",
      [id(AT.person.nullName)],
      "`Pers_LastName` is `Null`, a real name: only a reader that takes `NULL` case-insensitively loses it.",
    ],
    [
      "letter-outside-code-page",
      "Person",
      [id(AT.person.outsideCodePage)],
      "Małgorzata Kołodziej: `ł` is not in Windows-1252, so the dump wrote `Ma?gorzata Ko?odziej` (the `utf8-bom` variant keeps it).",
    ],
    [
      "apostrophes",
      "Person",
      ids(AT.person.apostrophes),
      `"${person(AT.person.apostrophes[0]).last}" (a straight apostrophe) and "${person(AT.person.apostrophes[1]).last}" (a curly one, 0x92).`,
    ],
    [
      "deleted-persons",
      "Person",
      ids(AT.person.deleted),
      `\`Pers_Deleted\` 1; ${id(AT.person.deleted[0])} and ${id(AT.person.deleted[2])} with their company ${id(AT.company.deleted[0])}.`,
    ],
    [
      "person-of-deleted-company",
      "Person",
      ids(AT.person.ofDeletedCompany),
      `Live, but \`Pers_CompanyId\` ${id(AT.company.deleted[1])} is deleted.`,
    ],
    ["person-without-email", "Person", ids(AT.person.noEmail), "No EmailLink row (a phone only)."],
    [
      "self-service-visitors",
      "Person",
      ids(range(BASE_COUNTS.persons).filter((p) => person(p).webStatus !== null)).slice(0, 3),
      "`Pers_WebStatus` Active or Inactive, with `Pers_WebLogin`: people with a login to the self-service portal (some persons of customers).",
    ],
    ...contactPointTraps(model),
  ];
}

/** The link ids of the e-mail and phone cases: the link tables count their rows in order. */
function contactPointTraps(model: SageModel): Trap[] {
  const moved = model.person(AT.person.replacedEmail);
  let linkId = 0;
  const movedLinks: number[] = [];
  const privateLinks: number[] = [];
  for (const entry of emailEntries(model)) {
    linkId++;
    if (entry.link.entity !== PERSON_ENTITY) continue;
    if (entry.link.recordId === moved.id) movedLinks.push(linkId);
    if (entry.link.recordId === id(3)) privateLinks.push(linkId);
    // The old address closes the first block.
    if (movedLinks.length === 2) break;
  }
  let phoneLinkId = 0;
  let shared: number[] = [];
  for (const entry of phoneEntries(model)) {
    const first = phoneLinkId + 1;
    phoneLinkId += entry.links.length;
    if (entry.links.length > 1) {
      shared = entry.links.map((_, k) => first + k);
      break;
    }
  }
  return [
    [
      "business-and-private-email",
      "EmailLink",
      privateLinks,
      `Person ${id(3)} has a Business and a Private address (\`ELink_Type\`); so do every tenth person from the fourth.`,
    ],
    [
      "replaced-email",
      "EmailLink",
      movedLinks,
      `Person ${moved.id} has two Business addresses: the old one (its company's former domain) has \`ELink_Deleted\` 1, and its Email row \`Emai_Deleted\` 1.`,
    ],
    [
      "shared-phone",
      "PhoneLink",
      shared,
      `One Phone row, the switchboard of company ${id(AT.company.sharedPhone)}, linked to the company and to its primary person, who has no line of their own.`,
    ],
  ];
}

function salesTraps(model: SageModel): Trap[] {
  const lead = model.lead(AT.lead.linkedAndSpelled);
  const company = model.company(lead.companyId! - 1);
  const opportunities = range(BASE_COUNTS.opportunities).map((o) => model.opportunity(o));
  const firstOf = (status: string) => opportunities.find((o) => o.status === status)!.id;
  const foreign = (symbol: string) => opportunities.find((o) => o.currency.symbol === symbol)!.id;
  return [
    [
      "lead-linked-and-spelled",
      "Lead",
      [lead.id],
      `Linked to company ${lead.companyId} and person ${lead.personId}, and spelling them out differently: \`${lead.companyName}\` (the company is "${company.name}"), \`${lead.personFirst}\`.`,
    ],
    [
      "lead-private-person",
      "Lead",
      [id(AT.lead.privatePerson)],
      "No company: `Lead_CompanyName` and `Lead_CompanyWebSite` NULL.",
    ],
    [
      "converted-leads",
      "Lead",
      Object.keys(LEAD_OPPORTUNITIES).map((l) => id(Number(l))),
      "`Lead_Stage` Converted, `Lead_Status` Closed, `Lead_OpportunityId` the opportunity (whose `Oppo_LeadId` points back).",
    ],
    ["deleted-leads", "Lead", ids(AT.lead.deleted), "`Lead_Deleted` 1."],
    [
      "opportunity-statuses",
      "Opportunity",
      ["In Progress", "Won", "Lost", "Abandoned"].map(firstOf),
      "`Oppo_Status` codes In Progress, Won, Lost and Abandoned; closed ones at `Oppo_Stage` Closed with `Oppo_ActualClose`, Won at `Oppo_Certainty` 100, Lost and Abandoned at 0.",
    ],
    [
      "opportunity-person-only",
      "Opportunity",
      [id(AT.opportunity.personOnly)],
      "For a private person: `Oppo_PrimaryCompanyId` NULL.",
    ],
    [
      "opportunity-without-person",
      "Opportunity",
      ids(range(BASE_COUNTS.opportunities).filter((o) => !opportunityHasPerson(o))),
      "`Oppo_PrimaryPersonId` NULL.",
    ],
    ["opportunity-without-forecast", "Opportunity", [id(AT.opportunity.noForecast)], "`Oppo_Forecast` NULL."],
    [
      "forecast-currencies",
      "Opportunity",
      [foreign("EUR"), foreign("DKK"), foreign("NOK")],
      "`Oppo_Forecast_CID` 2 (EUR), 3 (DKK), 4 (NOK): Currency.csv; the others are 1 (GBP). Money has four decimals, `12500.0000`.",
    ],
    ["deleted-opportunities", "Opportunity", ids(AT.opportunity.deleted), "`Oppo_Deleted` 1."],
    [
      "records-of-deleted-person",
      "Opportunity",
      opportunities.filter((o) => o.personId === id(AT.person.deleted[1])).map((o) => o.id),
      `Live, with \`Oppo_PrimaryPersonId\` ${id(AT.person.deleted[1])}, a person deleted since (so is a case's \`Case_PrimaryPersonId\`).`,
    ],
    ["deleted-case", "Cases", ids(AT.case.deleted), "`Case_Deleted` 1."],
    [
      "deleted-project",
      "Project",
      ids(AT.project.deleted),
      "`proj_Deleted` 1: the custom entity has the same audit columns, with its lower-case prefix.",
    ],
  ];
}

function activityTraps(model: SageModel): Trap[] {
  const c = AT.communication;
  const comm = (p: number) => communication(model, p);
  const meetings = range(BASE_COUNTS.communications).filter(isMeeting);
  const future = range(BASE_COUNTS.communications)
    .filter((k) => comm(k).start > EXPORTED_AT)
    .slice(0, 3);
  const opportunityComm = range(BASE_COUNTS.communications).find((k) => comm(k).opportunityId !== undefined)!;
  const caseComm = range(BASE_COUNTS.communications).find((k) => comm(k).caseId !== undefined)!;
  const repeated = comm(c.repeatedHour[0]);
  const [skippedA, skippedB] = c.skippedHour.map(comm);
  const l = AT.library;
  const file = (p: number) => libraryFile(model, p);
  return [
    [
      "all-links-in-one-row",
      "Communication",
      [id(c.allLinks)],
      "Its Comm_Link row names a user, a person, a company and a lead at once.",
    ],
    [
      "meetings-several-rows",
      "Communication",
      ids(meetings.slice(0, 3)),
      `Meetings (\`Comm_Type\` Appointment) have two Comm_Link rows: the organiser with the person and company, and a colleague; every fifth communication from the third is one.`,
    ],
    ["user-only-task", "Communication", [id(c.userOnly)], "A to-do whose one Comm_Link row names only a user."],
    [
      "communication-on-opportunity",
      "Communication",
      [id(opportunityComm)],
      `\`Comm_OpportunityId\` ${comm(opportunityComm).opportunityId}; its Comm_Link row names the opportunity's person and company too. Every fifth communication is one.`,
    ],
    [
      "communication-on-case",
      "Communication",
      [id(caseComm)],
      `\`Comm_CaseId\` ${comm(caseComm).caseId}, with the case's company in Comm_Link.`,
    ],
    [
      "repeated-hour",
      "Communication",
      ids(c.repeatedHour),
      `Both \`Comm_DateTime\` ${sageDateTime(repeated.start)}: the first in BST (00:30 UTC), the second an hour later in GMT (01:30 UTC), after the clocks went back; only the order of their ids tells which came first.`,
    ],
    [
      "skipped-hour",
      "Communication",
      ids(c.skippedHour),
      `\`Comm_DateTime\` ${sageDateTime(skippedA!.start)} (GMT) and ${sageDateTime(skippedB!.start)} (BST), an hour apart: 01:00-02:00 did not exist that night.`,
    ],
    [
      "deleted-communications",
      "Communication",
      ids(c.deleted),
      "`Comm_Deleted` 1, and their Comm_Link rows `CmLi_Deleted` 1.",
    ],
    [
      "linked-to-deleted-person",
      "Communication",
      range(BASE_COUNTS.communications)
        .filter((k) => !isAt(k, c.deleted) && comm(k).links.some((l) => l.personId === id(AT.person.deleted[1])))
        .map(id),
      `Live, but their Comm_Link rows name person ${id(AT.person.deleted[1])}, who is deleted: the first directly, the others through an opportunity and a case of that person.`,
    ],
    [
      "resource-attendee",
      "Communication",
      [id(c.resource)],
      `A meeting whose second Comm_Link row is user ${RESOURCE_USER.id}, "${userName(RESOURCE_USER)}": a resource (\`User_Resource\` Y) with no e-mail, not a person.`,
    ],
    [
      "html-entities",
      "Communication",
      [id(c.entities)],
      "`Comm_Email` with `&amp;`, `&pound;`, `&#8364;`, `&lt;`; every e-mail's body is HTML in `Comm_Email`, its `Comm_Note` NULL.",
    ],
    [
      "planned-after-export",
      "Communication",
      ids(future),
      `\`Comm_DateTime\` after the export was taken (${sageDateTime(EXPORTED_AT)}): \`Comm_Status\` Pending.`,
    ],
    [
      "emails-with-attachments",
      "Communication",
      Object.values(ATTACHMENT_EMAILS).map(id),
      "`Comm_HasAttachments` Y: each has a Library row with `Libr_CommunicationId`.",
    ],
    [
      "accented-library-folder",
      "Library",
      [id(l.accentedFolder)],
      `\`Libr_FilePath\` \`${file(l.accentedFolder).filePath}\`: Windows separators, a trailing \`\\\`, and ø (Library/ holds it as UTF-8).`,
    ],
    [
      "comma-in-library-folder",
      "Library",
      [id(10)],
      `\`Libr_FilePath\` \`${file(10).filePath}\`: a comma and a space in a folder name.`,
    ],
    ["accented-file-name", "Library", [id(l.accentedName)], `\`Libr_FileName\` "${file(l.accentedName).fileName}".`],
    [
      "binary-file",
      "Library",
      [id(l.binary)],
      `"${file(l.binary).fileName}": 256 bytes, every value once; \`Libr_FileSize\` is the size in bytes for every file.`,
    ],
    ["deleted-file-missing", "Library", [id(l.deletedMissing)], "`Libr_Deleted` 1, and its file is not in Library/."],
    [
      "windows-text-files",
      "Library",
      [id(4)],
      "Text files are Windows-1252 with CRLF line ends, as they were saved (± is 0xB1).",
    ],
    [
      "note-tables",
      "Notes",
      range(6).map(id),
      "`Note_ForeignTableId` is a Custom_Tables.Bord_TableId: 5 Company, 13 Person, 10 Opportunity, 41 Lead, 3 Cases, 10032 Project (the custom entity).",
    ],
    [
      "note-on-deleted-company",
      "Notes",
      [id(AT.note.onDeletedCompany)],
      `A live note on company ${id(AT.company.deleted[0])}, which is deleted.`,
    ],
    ["deleted-note", "Notes", ids(AT.note.deleted), "`Note_Deleted` 1."],
  ];
}

function configTraps(shape: SageShape): Trap[] {
  const captions = captionRows(SAMPLE_COLUMNS, shape.addedColumns());
  const replaced = captions
    .filter((row) => row[2] === REPLACED_CAPTION.family && row[3] === REPLACED_CAPTION.code)
    .map((row) => Number(row[0]));
  const revenue = captions.find((row) => row[2] === "Comp_Revenue" && row[3] === "3")!;
  return [
    [
      "replaced-caption",
      "Custom_Captions",
      replaced,
      `\`${REPLACED_CAPTION.family}\` code \`${REPLACED_CAPTION.code}\` twice: "${REPLACED_CAPTION.us}" (\`Capt_Deleted\` 1) and "Website", which replaced it in 2021.`,
    ],
    [
      "codes-and-labels",
      "Custom_Captions",
      [Number(revenue[0])],
      `Columns hold codes: \`Comp_Revenue\` \`3\` is "${revenue[5]}" (US), "${revenue[6]}" (UK), "${revenue[7]}" (DE); \`Capt_Family\` is the column's name.`,
    ],
    [
      "custom-entity",
      "Custom_Tables",
      [10032],
      "Bord_Name `Project`, prefix `proj`: Project.csv is named by Bord_Name; Custom_Edits.csv describes its columns (entity Project).",
    ],
    [
      "custom-columns",
      "Custom_Edits",
      SAMPLE_COLUMNS.map((_, k) => k + 1),
      `The customer's columns on standard tables, after the audit columns: ${SAMPLE_COLUMNS.map((c) => `\`${c.column}\` (${c.entryType})`).join(", ")}.`,
    ],
    [
      "disabled-user",
      "Users",
      [DISABLED_USER.id],
      `${userName(DISABLED_USER)}, \`User_Disabled\` Y: still the owner of older companies and opportunities.`,
    ],
    [
      "disabled-and-deleted-rules",
      "WorkflowRule",
      WORKFLOW_RULES.filter((w) => !w.enabled).map((w) => w.id),
      "`WkRl_Enabled` NULL (the second also `WkRl_Deleted` 1); conditions are JavaScript and SQL with quotes.",
    ],
  ];
}
