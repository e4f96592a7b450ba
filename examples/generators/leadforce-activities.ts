// Activities, notes and files of a Leadforce export: each belongs to a lead or a deal of its own block
// (`Related To` + `Related ID`; lead and deal ids overlap, so the id alone does not say which), and each
// comes after the record it belongs to.
import { ACTIVE_STAFF, INACTIVE_STAFF, fullName } from "./leadforce-account.js";
import { tinyPdf, tinyPng } from "./export-files.js";
import { DAY, ist, istDayStart } from "./leadforce-format.js";
import { AT, BASE_COUNTS, DELETED_LEAD_ID, blockOf } from "./leadforce-layout.js";
import { EXPORTED_AT, createdAt, type LeadforceModel } from "./leadforce-model.js";
import { ACTIVITY_DESCRIPTIONS, ACTIVITY_SUBJECTS, NOTE_BODIES, TEXT_FILES } from "./leadforce-vocabulary.js";
import type { Random } from "./random.js";

const MINUTE = 60_000;

export type ActivityType = "call" | "email" | "meeting" | "task";

export interface Related {
  relatedTo: "lead" | "deal";
  id: number;
  /** When the lead was created or the deal started: what belongs to it comes later. */
  since: number;
  /** The person to greet in a note: the lead's first name, or nobody for a deal. */
  first: string;
}

export interface Activity {
  id: number;
  type: ActivityType;
  subject: string;
  description: string;
  date: number;
  /** Minutes, for calls and meetings. */
  duration: number | undefined;
  related: Related;
  owner: string;
  completed: boolean;
}

export interface Note {
  id: number;
  related: Related;
  body: string;
  addedBy: string;
  dateAdded: number;
}

export interface ExportedFile {
  id: number;
  related: Related;
  name: string;
  /** Relative to the export folder, `/`-separated. */
  path: string;
  uploadedAt: number;
  content: Buffer;
}

export function relatedLead(model: LeadforceModel, index: number): Related {
  const lead = model.lead(index);
  return { relatedTo: "lead", id: lead.id, since: lead.created, first: lead.first };
}

export function relatedDeal(model: LeadforceModel, index: number): Related {
  const deal = model.deal(index);
  return { relatedTo: "deal", id: deal.id, since: deal.start, first: "" };
}

/** A lead or a deal of the block record `index` of a `blockSize`-record kind sits in. */
function relatedInBlock(model: LeadforceModel, rng: Random, index: number, blockSize: number): Related {
  const block = blockOf(index, blockSize);
  return rng.chance(0.55)
    ? relatedLead(model, block * BASE_COUNTS.leads + rng.int(0, BASE_COUNTS.leads))
    : relatedDeal(model, block * BASE_COUNTS.deals + rng.int(0, BASE_COUNTS.deals));
}

/** Some days after `since`, in office hours in Kolkata. */
function laterOn(rng: Random, since: number, maxDays: number): number {
  return istDayStart(since) + rng.int(1, maxDays) * DAY + rng.int(9 * 60 + 30, 19 * 60) * MINUTE;
}

/** Some days after `since`, but before the export was taken: what is written down has happened. */
function doneAfter(rng: Random, since: number, maxDays: number): number {
  const at = laterOn(rng, since, maxDays);
  return at <= EXPORTED_AT ? at : Math.max(since + 30 * MINUTE, EXPORTED_AT - rng.int(60, 24 * 60) * MINUTE);
}

/** Who did it: an active employee, or for older work sometimes the one who has left since. */
function staffFor(rng: Random, at: number): string {
  if (at < ist(2024, 2, 1) && rng.chance(0.2)) return fullName(INACTIVE_STAFF);
  return fullName(rng.pick(ACTIVE_STAFF));
}

export function activity(model: LeadforceModel, index: number): Activity {
  const rng = model.random("activity", index);
  const type = rng.weighted<ActivityType>([
    ["call", 3],
    ["email", 3],
    ["meeting", 2],
    ["task", 2],
  ]);
  // The orphan points at a lead deleted in Leadforce; its activities were not deleted with it.
  const related: Related =
    index === AT.activity.orphan
      ? { relatedTo: "lead", id: DELETED_LEAD_ID, since: createdAt(rng, index, model.counts.activities), first: "" }
      : relatedInBlock(model, rng, index, BASE_COUNTS.activities);
  const date = laterOn(rng, related.since, 21);
  const done = date <= EXPORTED_AT;
  return {
    id: index + 1,
    type,
    subject: rng.pick(ACTIVITY_SUBJECTS[type]),
    description: activityDescription(rng, index),
    date,
    duration: type === "call" ? rng.int(5, 46) : type === "meeting" ? rng.pick([30, 45, 60, 90]) : undefined,
    related,
    owner: staffFor(rng, date),
    completed: done && (type === "task" ? rng.chance(0.6) : rng.chance(0.95)),
  };
}

function activityDescription(rng: Random, index: number): string {
  if (index === AT.activity.multilineDescription) return "Discussed modules:\n- CRM for 25 users\n- ERP next year";
  if (index === AT.activity.semicolonDescription) return "Pricing agreed; waiting for the PO";
  return rng.pick(ACTIVITY_DESCRIPTIONS);
}

export function note(model: LeadforceModel, index: number): Note {
  const rng = model.random("note", index);
  const related = relatedInBlock(model, rng, index, BASE_COUNTS.notes);
  const template = rng.pick(NOTE_BODIES);
  const body =
    index === AT.note.script
      ? '<p>Copied from the website form:</p><script>alert("lead")</script>'
      : template.replaceAll("{first}", related.first || "the customer");
  const dateAdded = doneAfter(rng, related.since, 30);
  return { id: index + 1, related, body, addedBy: staffFor(rng, dateAdded), dateAdded };
}

/**
 * File k of a block: a PDF of a deal (k mod 4 = 0 or 3), a PNG (1) or a text file (2) of a lead. The
 * records they belong to are spread so no two files of a block share a folder.
 */
export function exportedFile(model: LeadforceModel, index: number): ExportedFile {
  const rng = model.random("file", index);
  const k = index % BASE_COUNTS.files;
  const block = blockOf(index, BASE_COUNTS.files);
  const kind = k % 4;
  const related =
    kind === 1 || kind === 2
      ? relatedLead(model, block * BASE_COUNTS.leads + (((k - 1) * 11 + 5) % BASE_COUNTS.leads))
      : relatedDeal(model, block * BASE_COUNTS.deals + ((k * 7) % BASE_COUNTS.deals));
  const [name, content] = fileContent(rng, index, kind, related);
  return {
    id: index + 1,
    related,
    name,
    path: `files/${related.relatedTo}s/${related.id}/${name}`,
    uploadedAt: doneAfter(rng, related.since, 20),
    content,
  };
}

function fileContent(rng: Random, index: number, kind: number, related: Related): [string, Buffer] {
  if (kind === 1) {
    const name =
      index === AT.file.nonAsciiName ? "Visiting card Zoë.png" : rng.pick(["visiting-card.png", "whiteboard.png"]);
    const [r, g, b] = [rng.int(0, 256), rng.int(0, 256), rng.int(0, 256)];
    return [name, tinyPng(12, 8, (x, y) => [(r + x * 16) % 256, (g + y * 24) % 256, b])];
  }
  if (kind === 2) {
    const text = rng.pick(TEXT_FILES);
    return [text.startsWith("Call") ? "call-notes.txt" : "requirements.txt", Buffer.from(text, "utf8")];
  }
  const name = rng.pick(["Quotation.pdf", "Purchase Order.pdf", "Signed contract.pdf"]);
  return [name, tinyPdf([name.replace(/\.pdf$/, ""), `Deal ${related.id}`, "Tejas Softlink, Bengaluru"])];
}
