// The awkward cases of a Leadforce export, with the ids of the rows that carry them (a lead's or deal's
// ID, an activity's, note's or file's ID, a SKU, an invoice number, a staff ID). They sit in the first
// block, so every scale has them; a variant only renames the file they are in.
import { INACTIVE_STAFF, DELETED_STAFF, fullName, staffEmail } from "./leadforce-account.js";
import { AT, DELETED_LEAD_ID, FOREIGN_LEADS } from "./leadforce-layout.js";
import { LeadforceModel } from "./leadforce-model.js";
import type { LeadforceFile } from "./leadforce-rows.js";
import { LeadforceShape, resolveLeadforceVariants } from "./leadforce-variants.js";

export interface LeadforceTrap {
  key: string;
  /** The file, as this export names it. */
  file: string;
  ids: string[];
  description: string;
}

type Trap = [key: string, file: LeadforceFile, ids: readonly (string | number)[], description: string];

export function leadforceTraps(scale: number, seed = 1, variants: readonly string[] = []): LeadforceTrap[] {
  const model = new LeadforceModel(seed >>> 0, scale);
  const shape = new LeadforceShape(model.seed, resolveLeadforceVariants(variants));
  return [...leadTraps(model), ...dealTraps(model), ...otherTraps(model)].map(([key, file, ids, description]) => ({
    key,
    file: shape.fileName(file),
    ids: ids.map(String),
    description,
  }));
}

function leadTraps(model: LeadforceModel): Trap[] {
  const lead = (index: number) => model.leadId(index);
  const leads = (indices: readonly number[]) => indices.map(lead);
  const l = AT.lead;
  return [
    [
      "company-three-spellings",
      "leads",
      leads(l.acme),
      'One company, four leads: "Acme Technologies" (https://www.acme-tech.example), "ACME Technologies Pvt. Ltd." (acme-tech.example), "acme technologies" (http://acme-tech.example/contact) and "Acme Technologies" again (https://www.acme-tech.example). The website\'s domain, acme-tech.example, makes them one partner.',
    ],
    [
      "company-without-website",
      "leads",
      leads(l.noWebsite),
      '"Sri Lakshmi Traders", spelled the same by both leads, with no Website and gmail.com e-mails: only the name matches them.',
    ],
    ["private-person", "leads", [lead(l.privatePerson)], "No Company and no Website: a private person (gmail.com)."],
    ["lead-without-email", "leads", [lead(l.noEmail)], "Empty Email; only a phone number."],
    ["qualified-without-value", "leads", [lead(l.qualifiedWithoutValue)], "Status Qualified, Lead Value empty."],
    ["new-with-value", "leads", [lead(l.newWithValue)], "Status New, with a Lead Value."],
    ["lost-leads", "leads", leads(l.lost), "Lost 1 (status Contacted or Qualified)."],
    ["junk-lead", "leads", [lead(l.junk)], 'Junk 1: "test test", company "asdf", test@test.com.'],
    [
      "non-ascii-names",
      "leads",
      leads([l.nonAsciiName, l.hyphenatedName]),
      '"Zoë D\'Souza" (e-mail zoe.dsouza@…, folded to ASCII) and "Ananya Iyer-Krishnan".',
    ],
    ["quoted-position", "leads", [lead(l.quotedPosition)], 'Position `Head of IT; "Digital" Projects`, a quoted cell.'],
    ["multiline-address", "leads", [lead(l.multilineAddress)], "Address spans two lines (an LF inside a quoted cell)."],
    [
      "after-midnight",
      "leads",
      [lead(l.afterMidnight)],
      "Created 01-04-2024 02:30 and Last Contact 02-04-2024 00:15, Kolkata time: 2024-03-31T21:00Z and 2024-04-01T18:45Z, the day before in UTC.",
    ],
    ["leap-day", "leads", [lead(l.leapDay)], "Created 29-02-2024 11:20."],
    [
      "assigned-other-case",
      "leads",
      [lead(l.assignedOtherCase)],
      "Assigned `Arjun.Mehta@LeadForce-Demo.in`: staff e-mails are lower case in staff.csv; other leads capitalise the first letter.",
    ],
    [
      "assigned-inactive",
      "leads",
      leads(l.assignedInactive),
      `Assigned ${staffEmail(INACTIVE_STAFF)}, whose staff row has Active 0.`,
    ],
    [
      "assigned-unknown",
      "leads",
      [lead(l.assignedUnknown)],
      `Assigned ${staffEmail(DELETED_STAFF)}, who is not in staff.csv.`,
    ],
    ["unassigned", "leads", [lead(l.privatePerson), lead(l.unassigned)], "Empty Assigned (and some others)."],
    [
      "tags-case",
      "leads",
      leads([l.hotEnterprise, ...l.tagsOtherCase]),
      'Tags "Hot, Enterprise", "hot, SMB" and "ENTERPRISE, Follow-up": one tag in two cases.',
    ],
    [
      "foreign-leads",
      "leads",
      FOREIGN_LEADS.map(lead),
      "United Arab Emirates and Singapore, Currency USD, no State or no Zip.",
    ],
    [
      "deleted-lead-id",
      "leads",
      [],
      `Lead ids skip ${DELETED_LEAD_ID} (a deleted lead); an activity still points at it.`,
    ],
  ];
}

function dealTraps(model: LeadforceModel): Trap[] {
  const deal = (index: number) => model.deal(index);
  const d = AT.deal;
  const acme = deal(1);
  return [
    [
      "deal-owner-inactive",
      "deals",
      [deal(d.inactiveOwner).id],
      `Owner ${fullName(INACTIVE_STAFF)} (Active 0), an open deal.`,
    ],
    ["deal-owner-unknown", "deals", [deal(d.deletedOwner).id], `Owner ${fullName(DELETED_STAFF)}, not in staff.csv.`],
    ["deal-without-owner", "deals", [deal(d.noOwner).id], "Empty Owner."],
    [
      "deal-company-spelling",
      "deals",
      [acme.id, deal(d.acmeOtherSpelling).id],
      `Deal ${acme.id} (Lead ID ${model.leadId(acme.lead!)}) names "${acme.company}"; deal ${deal(d.acmeOtherSpelling).id}, without a Lead ID, "${deal(d.acmeOtherSpelling).company}" and the e-mail of lead ${model.leadId(AT.lead.acme[1])}.`,
    ],
    [
      "deal-company-without-website",
      "deals",
      [deal(d.noWebsiteCompany).id],
      'No Lead ID; Company "Sri Lakshmi Traders", which has no website, and the e-mail of one of its leads.',
    ],
    [
      "deal-unknown-contact",
      "deals",
      [deal(d.unknownContact).id],
      `No Lead ID; Company "${deal(d.unknownContact).company}", Primary Contact Email ${deal(d.unknownContact).contactEmail}, which no lead has.`,
    ],
    [
      "shared-stage-names",
      "deals",
      [deal(1).id, deal(5).id],
      'Stage "Won" in Sales and in Channel Partners: both pipelines have stages Qualification, Proposal, Negotiation, Won, Lost (pipelines.csv).',
    ],
  ];
}

function otherTraps(model: LeadforceModel): Trap[] {
  const id = (index: number) => index + 1;
  const [declined, revised] = AT.proposal.declinedThenAccepted;
  return [
    [
      "orphan-activity",
      "activities",
      [id(AT.activity.orphan)],
      `Related To lead, Related ID ${DELETED_LEAD_ID}: no such lead (deleted).`,
    ],
    [
      "multiline-description",
      "activities",
      [id(AT.activity.multilineDescription)],
      "Description with line breaks (a list).",
    ],
    ["semicolon-description", "activities", [id(AT.activity.semicolonDescription)], "Description with a `;`."],
    [
      "lead-and-deal-ids-overlap",
      "activities",
      [],
      "Lead and deal ids are counted separately: Related ID 5 is lead 5 or deal 5, as Related To says (notes and files too).",
    ],
    [
      "script-note",
      "notes",
      [id(AT.note.script)],
      "HTML with a <script> element; the other notes hold <p>, <b>, <br> and &amp;, or plain text.",
    ],
    [
      "non-ascii-file-name",
      "files",
      [id(AT.file.nonAsciiName)],
      `File Name "Visiting card Zoë.png", in files/leads/${model.leadId(AT.lead.nonAsciiName)}/: a space and a non-ASCII letter in the path.`,
    ],
    ["multiline-long-description", "items", ["LF-TRN-001"], "Long Description with a line break."],
    [
      "quoted-long-description",
      "items",
      ["LF-ERP-003"],
      'Long Description with quotes: IRN generation and "e-way bill" printing.',
    ],
    [
      "zero-rated-items",
      "items",
      ["LF-TRN-001", "LF-EXP-001"],
      "Tax 0% (exempt and zero-rated); the rest 18%. Lines of USD deals (customers abroad) have Tax % 0 whatever the item's Tax.",
    ],
    [
      "repeated-sku",
      "proposal_items",
      [id(AT.proposal.repeatedSku)],
      "LF-SVC-001 twice in one proposal, as phase 1 and phase 2: a line is unique by SKU and Description together.",
    ],
    [
      "declined-then-accepted",
      "proposals",
      [id(declined), id(revised)],
      `Two proposals for deal ${model.deal(1).id}: the first declined, the revision accepted.`,
    ],
    [
      "invoice-company-spelling",
      "invoices",
      [`INV-2024-${String(id(AT.invoice.acmeOtherSpelling)).padStart(4, "0")}`],
      `Company "${model.lead(AT.lead.acme[2]).company}" (as lead ${model.leadId(AT.lead.acme[2])} spells it), while its deal ${model.deal(1).id} and INV-2024-0001 say "${model.deal(1).company}".`,
    ],
    [
      "inactive-staff",
      "staff",
      [INACTIVE_STAFF.id],
      `${fullName(INACTIVE_STAFF)}, Active 0: still Assigned, Owner and Added By on older records.`,
    ],
    ["non-ascii-staff", "staff", [3], "Zoë Fernandes, e-mail zoe.fernandes@leadforce-demo.in."],
    [
      "inactive-trigger",
      "auto_triggers",
      [],
      `"Lost deal alert" is Active 0 and notifies ${fullName(INACTIVE_STAFF)}; "Proposal expiry" has a \`;\` in its Action.`,
    ],
  ];
}
