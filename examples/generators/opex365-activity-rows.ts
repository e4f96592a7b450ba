// Activities, their parties and notes as Web API rows. An activity's regarding lookup navigates through
// a property named after the target and the activity (`regardingobjectid_opportunity_email`).
import type {
  ActivityCommon,
  ActivityTable,
  AppointmentRecord,
  EmailRecord,
  Party,
  PhoneCallRecord,
  TaskRecord,
} from "./opex365-activities.js";
import type { Opex365Model } from "./opex365-model.js";
import type { AnnotationRecord } from "./opex365-notes.js";
import {
  choice,
  dateTime,
  labelled,
  lookup,
  row,
  text,
  whole,
  yesNo,
  type Cell,
  type ODataRow,
} from "./opex365-odata.js";
import { DIRECTION, OPTIONS } from "./opex365-org.js";
import { ownerCells, tableRow, versionNumber } from "./opex365-rows.js";

/** How Dataverse shows a table's logical name, e.g. in an annotation's objecttypecode. */
const TABLE_LABELS: Readonly<Record<string, string>> = {
  account: "Account",
  contact: "Contact",
  lead: "Lead",
  opportunity: "Opportunity",
  incident: "Case",
};

/** The columns every activity row ends with: the record it is regarding, and its owner. */
function regardingAndOwner(
  model: Opex365Model,
  activity: ActivityCommon,
  table: ActivityTable,
): (readonly [string, Cell])[] {
  return [
    ["_regardingobjectid_value", lookup(activity.regarding, (target) => `regardingobjectid_${target}_${table}`)],
    ...ownerCells(model, activity.owner),
  ];
}

export function emailRow(model: Opex365Model, e: EmailRecord): ODataRow {
  return tableRow(
    model,
    "email",
    e.index,
    [
      ["subject", text(e.subject)],
      ["description", text(e.body)],
      ["directioncode", yesNo(e.outgoing, DIRECTION)],
      ["sender", text(e.sender)],
      ["torecipients", text(e.to.join(";"))],
      ["senton", dateTime(e.sentOn)],
      ["createdon", dateTime(e.createdAt)],
      ["messageid", text(e.messageId)],
      ["statecode", choice(OPTIONS.activityState, e.state)],
      ["statuscode", choice(OPTIONS.emailStatus, e.status)],
      ...regardingAndOwner(model, e, "email"),
    ],
    "activityid",
  );
}

export function phoneCallRow(model: Opex365Model, c: PhoneCallRecord): ODataRow {
  return tableRow(
    model,
    "phonecall",
    c.index,
    [
      ["subject", text(c.subject)],
      ["description", text(c.description)],
      ["phonenumber", text(c.phoneNumber)],
      ["directioncode", yesNo(c.outgoing, DIRECTION)],
      ["durationinminutes", whole(c.duration)],
      ["scheduledend", dateTime(c.scheduledEnd)],
      ["actualend", dateTime(c.actualEnd)],
      ["statecode", choice(OPTIONS.activityState, c.state)],
      ["statuscode", choice(OPTIONS.phoneCallStatus, c.status)],
      ...regardingAndOwner(model, c, "phonecall"),
    ],
    "activityid",
  );
}

export function taskRow(model: Opex365Model, t: TaskRecord): ODataRow {
  return tableRow(
    model,
    "task",
    t.index,
    [
      ["subject", text(t.subject)],
      ["description", text(t.description)],
      ["scheduledstart", dateTime(t.scheduledStart)],
      ["scheduledend", dateTime(t.scheduledEnd)],
      ["prioritycode", choice(OPTIONS.taskPriority, t.priority)],
      ["statecode", choice(OPTIONS.activityState, t.state)],
      ["statuscode", choice(OPTIONS.taskStatus, t.status)],
      ["percentcomplete", whole(t.percentComplete)],
      ...regardingAndOwner(model, t, "task"),
    ],
    "activityid",
  );
}

export function appointmentRow(model: Opex365Model, a: AppointmentRecord): ODataRow {
  return tableRow(
    model,
    "appointment",
    a.index,
    [
      ["subject", text(a.subject)],
      ["location", text(a.location)],
      ["description", text(a.description)],
      ["scheduledstart", dateTime(a.start)],
      ["scheduledend", dateTime(a.end)],
      ["isalldayevent", yesNo(a.allDay)],
      ["statecode", choice(OPTIONS.appointmentState, a.state)],
      ["statuscode", choice(OPTIONS.appointmentStatus, a.status)],
      ...regardingAndOwner(model, a, "appointment"),
    ],
    "activityid",
  );
}

/** Party `position` of an activity: its id is derived from the activity's, so parties need no counter. */
export function activityPartyId(model: Opex365Model, activity: ActivityTable, index: number, position: number): string {
  return model.id(`activityparty-${activity}`, index * 16 + position);
}

export function activityPartyRow(
  model: Opex365Model,
  activity: { table: ActivityTable; index: number; id: string; subject: string },
  party: Party,
  position: number,
): ODataRow {
  return row(versionNumber(model, `activityparty-${activity.table}`, activity.index * 16 + position), [
    ["activitypartyid", text(activityPartyId(model, activity.table, activity.index, position))],
    [
      "_activityid_value",
      lookup({ id: activity.id, table: activity.table, name: activity.subject }, (t) => `activityid_${t}`),
    ],
    ["_partyid_value", lookup(party.party, (t) => `partyid_${t}`)],
    ["participationtypemask", choice(OPTIONS.participation, party.mask)],
    ["addressused", text(party.address)],
    ["ispartydeleted", yesNo(party.deleted)],
  ]);
}

export function annotationRow(model: Opex365Model, n: AnnotationRecord): ODataRow {
  return tableRow(model, "annotation", n.index, [
    ["subject", text(n.subject)],
    ["notetext", text(n.noteText)],
    ["isdocument", yesNo(n.file !== undefined)],
    ["filename", text(n.file?.name)],
    ["mimetype", text(n.file?.mimetype)],
    ["filesize", whole(n.file?.content.length ?? 0)],
    ["documentbody", text(n.file?.content.toString("base64"))],
    ["_objectid_value", lookup(n.object, (table) => `objectid_${table}`)],
    ["objecttypecode", labelled(n.object.table, TABLE_LABELS[n.object.table]!)],
    ["_createdby_value", lookup(model.userRef(n.createdBy), "createdby")],
    // Dataverse makes the user who writes a note its owner.
    ...ownerCells(model, n.createdBy),
    ["createdon", dateTime(n.createdAt)],
  ]);
}
