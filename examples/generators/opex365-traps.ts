// The awkward cases of an OPEX 365 export, with the ids of the rows that carry them. `folder` is the
// entity set whose pages hold those rows (or one page, for the short last page).
import { appointment, email, PARTICIPATION } from "./opex365-activities.js";
import { annotation } from "./opex365-notes.js";
import { activityPartyId } from "./opex365-activity-rows.js";
import { AT, Opex365Model } from "./opex365-model.js";
import { PAGE_SIZE } from "./opex365-odata.js";
import { productAssociationId } from "./opex365-rows.js";
import { CATALOG } from "./opex365-vocabulary.js";
import { LEAVER_LEFT_AT, PRICE_LEVELS, ROLES, USER, USERS } from "./opex365-org.js";

export interface Opex365Trap {
  key: string;
  /** An entity set folder (`accounts/`) or a single file. */
  file: string;
  ids: string[];
  description: string;
}

export function opex365Traps(scale: number, seed = 1): Opex365Trap[] {
  const model = new Opex365Model(seed >>> 0, scale);
  return [...recordTraps(model), ...activityTraps(model), ...configurationTraps(model)];
}

const trap = (key: string, file: string, ids: string[], description: string): Opex365Trap => ({
  key,
  file,
  ids,
  description,
});

function recordTraps(model: Opex365Model): Opex365Trap[] {
  const account = (i: number) => model.id("account", i);
  const contact = (i: number) => model.id("contact", i);
  const lead = (i: number) => model.id("lead", i);
  const opportunity = (i: number) => model.id("opportunity", i);
  const a = AT.account;
  const lastPage = Math.ceil(model.counts.accounts / PAGE_SIZE);
  return [
    trap(
      "account-hierarchy",
      "accounts/",
      [account(a.groupParent), account(a.groupChild), account(a.groupGrandchild)],
      "Two levels of _parentaccountid_value: Nordwerk Kühllogistik Süd GmbH → Nordwerk Kühllogistik GmbH → Nordwerk Holding AG.",
    ),
    trap("inactive-account", "accounts/", [account(a.inactive)], "statecode 1 (Inactive), statuscode 2."),
    trap(
      "team-owned-account",
      "accounts/",
      [account(a.teamOwned)],
      "_ownerid_value is the team Key Accounts (lookuplogicalname team); _owninguser_value is null.",
    ),
    trap(
      "empty-account",
      "accounts/",
      [account(a.sparse)],
      'Only the name "Meyer & Söhne": phone, e-mail, web site, address, industry, revenue and employees are null.',
    ),
    trap(
      "non-latin-account",
      "accounts/",
      [account(a.japanese), account(a.greek), account(a.bulgarian)],
      "株式会社ミドリ精機 (東京), Αιγαίο Τρόφιμα Α.Ε. (Αθήνα) and Тракия Фарма ЕООД (София): names, streets, cities and states.",
    ),
    trap(
      "short-last-page",
      `accounts/page-${String(lastPage).padStart(4, "0")}.json`,
      [],
      `The last accounts page holds ${model.counts.accounts - (lastPage - 1) * PAGE_SIZE} rows and no @odata.nextLink; so does the last page of every table that does not fill it.`,
    ),
    trap(
      "contact-parent-contact",
      "contacts/",
      [contact(AT.contact.parentIsContact)],
      `_parentcustomerid_value is contact ${contact(AT.contact.japanese)} (lookuplogicalname "contact"), not an account.`,
    ),
    trap("contact-without-parent", "contacts/", [contact(AT.contact.noParent)], "_parentcustomerid_value is null."),
    trap(
      "empty-contact",
      "contacts/",
      [contact(AT.contact.sparse)],
      "Only lastname (and owner, parent): firstname, e-mail, phones, job title, address, birthdate and lifecycle stage are null.",
    ),
    trap("inactive-contact", "contacts/", [contact(AT.contact.inactive)], "statecode 1 (Inactive)."),
    trap(
      "non-latin-contact",
      "contacts/",
      [contact(AT.contact.japanese), contact(AT.contact.greek), contact(AT.contact.bulgarian)],
      "Japanese, Greek and Bulgarian (Cyrillic) names.",
    ),
    trap(
      "qualified-lead",
      "leads/",
      [lead(AT.lead.qualified)],
      `statecode 1 (Qualified), statuscode 3; _qualifyingopportunityid_value is opportunity ${opportunity(AT.opportunity.fromLead)}, whose _originatingleadid_value points back. Every sixth lead (index mod 6 = 2) is qualified this way.`,
    ),
    trap(
      "qualified-lead-opportunity-missing",
      "leads/",
      [lead(AT.lead.qualifiedOpportunityMissing)],
      `Qualified, but _qualifyingopportunityid_value ${model.missingId("opportunity")} is not in opportunities/ (deleted while the export ran: tables are read one after another, not as one snapshot).`,
    ),
    trap("non-latin-lead", "leads/", [lead(AT.lead.greek)], "Greek first and last name."),
    trap(
      "won-and-lost-opportunity",
      "opportunities/",
      [opportunity(AT.opportunity.won), opportunity(AT.opportunity.lost)],
      'statecode 1 (Won, statuscode 3, probability 100) and statecode 2 (Lost, statuscode 5 Out-Sold, new_lostreason "Chose a competitor"); both have actualclosedate.',
    ),
    trap(
      "opportunity-contact-customer",
      "opportunities/",
      [opportunity(AT.opportunity.contactCustomer)],
      '_customerid_value is a contact (lookuplogicalname "contact").',
    ),
    trap(
      "empty-opportunity",
      "opportunities/",
      [opportunity(AT.opportunity.sparse)],
      "No description, estimated value, close date, probability, stage (stepname), rating or type.",
    ),
    trap(
      "case-entitlement-not-exported",
      "incidents/",
      [model.id("incident", AT.incident.missingEntitlement)],
      `_entitlementid_value ${model.missingId("entitlement")}: entitlements are not exported at all.`,
    ),
    trap(
      "non-latin-case",
      "incidents/",
      [model.id("incident", AT.incident.cyrillic)],
      "Bulgarian (Cyrillic) title and description, from a Bulgarian contact.",
    ),
    trap(
      "project-without-account",
      "new_projects/",
      [model.id("new_project", AT.project.noAccount)],
      "_new_accountid_value is null.",
    ),
    trap(
      "custom-option-values",
      "new_projects/",
      [],
      "new_status is a custom choice column: its codes are 100000000 Active, 100000001 On Hold, 100000002 Closed (publisher-prefixed), not 1, 2, 3.",
    ),
  ];
}

function activityTraps(model: Opex365Model): Opex365Trap[] {
  const e = AT.email;
  const emailId = (i: number) => model.id("email", i);
  const leaverEmail = email(model, e.leaverSender);
  const sender = leaverEmail.parties.findIndex((p) => p.mask === PARTICIPATION.sender);
  const deletedMeeting = appointment(model, AT.appointment.deletedContact);
  const deletedParty = deletedMeeting.parties.findIndex((p) => p.deleted);
  const userMeeting = appointment(model, AT.appointment.userAttendee);
  const userAttendee = userMeeting.parties.findIndex(
    (p) => p.mask === PARTICIPATION.requiredAttendee && p.party?.table === "systemuser",
  );
  const noteIds = (...indices: number[]) => indices.map((i) => model.id("annotation", i));
  const n = AT.annotation;
  return [
    trap(
      "activityparty-missing-contact",
      "activityparties/",
      [activityPartyId(model, "appointment", AT.appointment.deletedContact, deletedParty)],
      `Required attendee of appointment ${deletedMeeting.id}: contact ${model.missingId("contact")} is not in contacts/ (deleted after the meeting); ispartydeleted true, no formatted name, addressused kept.`,
    ),
    trap(
      "activityparty-disabled-user",
      "activityparties/",
      [activityPartyId(model, "email", e.leaverSender, sender)],
      `Sender of e-mail ${leaverEmail.id} is Thomas Brandt (systemuser ${model.id("systemuser", USER.leaver)}, isdisabled true: left ${new Date(LEAVER_LEFT_AT).toISOString().slice(0, 10)}); he still owns older records.`,
    ),
    trap(
      "appointment-user-attendee",
      "appointments/",
      [userMeeting.id],
      `A required attendee is systemuser ${userMeeting.parties[userAttendee]?.party?.name} (party ${activityPartyId(model, "appointment", AT.appointment.userAttendee, userAttendee)}), beside the organizer and the contact.`,
    ),
    trap(
      "all-day-appointment",
      "appointments/",
      [model.id("appointment", AT.appointment.allDay)],
      "isalldayevent true: scheduledstart and scheduledend at midnight UTC, one day apart.",
    ),
    trap(
      "non-latin-appointment",
      "appointments/",
      [model.id("appointment", AT.appointment.greek)],
      "Greek subject, location and description.",
    ),
    trap(
      "email-regarding-opportunity",
      "emails/",
      [emailId(e.regardingOpportunity)],
      '_regardingobjectid_value is the won opportunity (lookuplogicalname "opportunity").',
    ),
    trap(
      "email-regarding-contact",
      "emails/",
      [emailId(e.regardingContact)],
      '_regardingobjectid_value is a Greek contact (lookuplogicalname "contact").',
    ),
    trap("email-without-regarding", "emails/", [emailId(e.noRegarding)], "_regardingobjectid_value is null."),
    trap(
      "html-email",
      "emails/",
      [emailId(e.html)],
      "description is a whole Outlook HTML document: <html>, a <style> block, a table, &nbsp; &euro; &uuml; entities.",
    ),
    trap(
      "non-latin-email",
      "emails/",
      [emailId(e.japanese), emailId(e.cyrillic)],
      "Japanese subject and body; an incoming e-mail in Bulgarian (Cyrillic).",
    ),
    trap(
      "draft-email",
      "emails/",
      [emailId(e.draft)],
      "statecode 0, statuscode 1 (Draft): senton and messageid are null.",
    ),
    trap(
      "unresolved-recipient",
      "emails/",
      [emailId(e.unresolvedRecipient)],
      "The To party has _partyid_value null: only addressused, an address that matched no record.",
    ),
    trap(
      "note-with-file",
      "annotations/",
      noteIds(n.pdf, n.png, n.text),
      "isdocument true, documentbody base64: a PDF quote on the won opportunity, a PNG screenshot on a case, a UTF-8 text file with a Japanese filename on a contact.",
    ),
    trap(
      "note-without-file",
      "annotations/",
      noteIds(n.noFile),
      "isdocument false: filename, mimetype and documentbody null, filesize 0.",
    ),
    trap(
      "note-on-qualified-lead",
      "annotations/",
      notesOnQualifiedLeads(model),
      `Notes on leads that were qualified (statecode 1), such as lead ${model.id("lead", AT.lead.qualified)} of opportunity ${model.id("opportunity", AT.opportunity.fromLead)}: Dataverse leaves the notes on the lead.`,
    ),
  ];
}

function notesOnQualifiedLeads(model: Opex365Model): string[] {
  const qualified = new Set<string>();
  for (let i = 0; i < model.counts.leads; i++)
    if (model.leadOpportunity(i) !== undefined) qualified.add(model.id("lead", i));
  const notes: string[] = [];
  for (let i = 0; i < model.counts.annotations; i++) {
    const note = annotation(model, i);
    if (qualified.has(note.object.id)) notes.push(note.id);
  }
  return notes;
}

function configurationTraps(model: Opex365Model): Opex365Trap[] {
  const user = (i: number) => model.id("systemuser", i);
  const salesRoles = ROLES.flatMap(([name], i) => (name === "Salesperson" ? [model.id("role", i)] : []));
  const product = (state: number) =>
    model.id(
      "product",
      CATALOG.findIndex((item) => item.state === state),
    );
  const labStarter = CATALOG.findIndex((item) => item.components?.some(([, quantity]) => !Number.isInteger(quantity)));
  return [
    trap("disabled-user", "systemusers/", [user(USER.leaver)], "Thomas Brandt: isdisabled true."),
    trap(
      "users-without-email",
      "systemusers/",
      [user(USER.system), user(USER.integration)],
      "SYSTEM and INTEGRATION: internalemailaddress and domainname null.",
    ),
    trap(
      "owner-email-case",
      "systemusers/",
      [user(USER.jonas)],
      `internalemailaddress ${USERS[USER.jonas]!.email} in mixed case (domainname is lower case).`,
    ),
    trap(
      "non-latin-user",
      "systemusers/",
      [user(USER.kenji)],
      `${USERS[USER.kenji]!.fullname}: owns the Japanese accounts.`,
    ),
    trap(
      "roles-per-business-unit",
      "roles/",
      salesRoles,
      "\"Salesperson\" three times, once per business unit; the copies' _parentrootroleid_value is the root unit's role.",
    ),
    trap(
      "expired-price-list",
      "pricelevels/",
      [model.id("pricelevel", 2)],
      `${PRICE_LEVELS[2].name}: enddate 2023-12-31, inactive, and no productpricelevels.`,
    ),
    trap(
      "retired-and-draft-product",
      "products/",
      [product(1), product(2)],
      "statecode 1 (Retired) and statecode 2 (Draft); the draft is in no price list.",
    ),
    trap(
      "bundle-decimal-quantity",
      "productassociations/",
      [productAssociationId(model, labStarter, 3)],
      "Lab Starter Bundle holds 2.5 hours of Remote Support: quantity is a decimal.",
    ),
  ];
}
