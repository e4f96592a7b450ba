// Notes (annotation rows): text on a record, and for some a file whose bytes travel in the row itself as
// base64 `documentbody`, with its filename, mimetype and size.
import { tinyPdf, tinyPng } from "./export-files.js";
import type { RecordRef } from "./opex365-odata.js";
import { SALES_USERS, SERVICE_USERS, USER } from "./opex365-org.js";
import {
  AT,
  DAY,
  EXPORTED_AT,
  HOUR,
  refOfContact,
  refOfIncident,
  refOfLead,
  refOfOpportunity,
  workingTime,
  type Opex365Model,
} from "./opex365-model.js";
import { NOTE_TEXTS } from "./opex365-vocabulary.js";
import { Random } from "./random.js";

export interface NoteFile {
  name: string;
  mimetype: string;
  content: Buffer;
}

export interface AnnotationRecord {
  index: number;
  id: string;
  subject: string | null;
  noteText: string | null;
  file: NoteFile | undefined;
  object: RecordRef;
  createdBy: number;
  createdAt: number;
}

/** What a note is attached to, and when that record was created. */
interface NoteTarget {
  ref: RecordRef;
  createdAt: number;
  owner: number;
}

export function annotation(model: Opex365Model, index: number): AnnotationRecord {
  const rng = model.random("annotation", index);
  const target = noteTarget(model, index, rng);
  const createdAt = Math.min(EXPORTED_AT - HOUR, workingTime(rng, target.createdAt + rng.int(1, 90) * DAY));
  const record: AnnotationRecord = {
    index,
    id: model.id("annotation", index),
    subject: rng.chance(0.6) ? rng.pick(["Call notes", "Visit report", "Background", "Customer request"]) : null,
    noteText: rng.pick(NOTE_TEXTS),
    file: index % 5 === 0 ? generatedFile(model, index, target) : undefined,
    object: target.ref,
    createdBy:
      target.owner === USER.kenji
        ? USER.kenji
        : model.owner(rng, createdAt, target.ref.table === "incident" ? SERVICE_USERS : SALES_USERS, target.owner),
    createdAt,
  };
  return placeNote(model, record);
}

function noteTarget(model: Opex365Model, index: number, rng: Random): NoteTarget {
  const at = AT.annotation;
  const fraction = (index + 1) / model.counts.annotations;
  // A hand-placed note sits on a hand-placed record; any other on a record created before it.
  const recordIndex = (placedNote: number, placedRecord: number, count: number) =>
    index === placedNote ? placedRecord : model.earlier(rng, fraction, count);
  const fixed = {
    [at.pdf]: "opportunity",
    [at.png]: "incident",
    [at.text]: "contact",
    [at.noFile]: "account",
    [at.onQualifiedLead]: "lead",
  } as const;
  const table =
    fixed[index as keyof typeof fixed] ?? rng.pick(["account", "contact", "opportunity", "lead", "incident"] as const);
  switch (table) {
    case "account": {
      const account = model.account(recordIndex(at.noFile, AT.account.groupParent, model.counts.accounts));
      return {
        ref: model.accountRef(account.index),
        createdAt: account.createdAt,
        owner: account.owner.kind === "user" ? account.owner.user : SALES_USERS[0]!,
      };
    }
    case "contact":
      return targetOf(refOfContact, model.contact(recordIndex(at.text, AT.contact.japanese, model.counts.contacts)));
    case "opportunity":
      return targetOf(
        refOfOpportunity,
        model.opportunity(recordIndex(at.pdf, AT.opportunity.won, model.counts.opportunities)),
      );
    case "lead":
      return targetOf(refOfLead, model.lead(recordIndex(at.onQualifiedLead, AT.lead.qualified, model.counts.leads)));
    case "incident":
      return targetOf(refOfIncident, model.incident(recordIndex(at.png, AT.incident.cyrillic, model.counts.incidents)));
  }
}

function targetOf<R extends { createdAt: number; owner: number }>(
  refOf: (record: R) => RecordRef,
  record: R,
): NoteTarget {
  return { ref: refOf(record), createdAt: record.createdAt, owner: record.owner };
}

function placeNote(model: Opex365Model, record: AnnotationRecord): AnnotationRecord {
  const at = AT.annotation;
  switch (record.index) {
    case at.pdf: {
      const opportunity = model.opportunity(AT.opportunity.won);
      const lines = [
        "Kestrel Instruments GmbH",
        `Quote ${QUOTE_NUMBER}`,
        opportunity.name,
        `Total: ${opportunity.value} EUR, valid 30 days`,
      ];
      return Object.assign(record, {
        subject: "Signed quote",
        noteText: "Countersigned by the customer.",
        file: { name: `${QUOTE_NUMBER}.pdf`, mimetype: "application/pdf", content: tinyPdf(lines) },
      });
    }
    case at.png:
      return Object.assign(record, {
        subject: "Screenshot",
        noteText: null,
        file: { name: "portal-no-data.png", mimetype: "image/png", content: chartPng(model.seed) },
      });
    case at.text:
      return Object.assign(record, {
        subject: "打ち合わせメモ",
        noteText: "訪問時のメモを添付します。",
        file: {
          name: "打ち合わせメモ_2024-04-18.txt",
          mimetype: "text/plain",
          content: Buffer.from(JAPANESE_MEETING_NOTES, "utf8"),
        },
      });
    case at.noFile:
      return Object.assign(record, {
        subject: "Group structure",
        noteText:
          "Nordwerk Holding owns Nordwerk Kühllogistik, which owns Nordwerk Kühllogistik Süd. Contracts are signed by the holding.",
        file: undefined,
      });
  }
  return record;
}

export const QUOTE_NUMBER = "Q-2024-0117";

const JAPANESE_MEETING_NOTES =
  "打ち合わせメモ（2024年4月18日）\n出席者：佐藤 陽菜 様（株式会社ミドリ精機）、渡辺 健二\n" +
  "- T-200 センサー40台の導入を検討中\n- 校正サービスは年1回を希望\n- 次回：5月中旬にデモ\n";

/** Every fifth note carries a file: a quote, a screenshot or a text file, in turn. */
function generatedFile(model: Opex365Model, index: number, target: NoteTarget): NoteFile {
  switch ((index / 5) % 3) {
    case 0:
      return {
        name: `document-${index}.pdf`,
        mimetype: "application/pdf",
        content: tinyPdf([`Kestrel Instruments - ${target.ref.table}`, target.ref.name ?? "", `Document ${index}`]),
      };
    case 1:
      return { name: `photo-${index}.png`, mimetype: "image/png", content: chartPng(model.seed + index) };
    default:
      return {
        name: `notes-${index}.txt`,
        mimetype: "text/plain",
        content: Buffer.from(`Notes on ${target.ref.name ?? target.ref.table}\n\nFollow up in two weeks.\n`, "utf8"),
      };
  }
}

/** A temperature curve with its alarm limit, as a screenshot of the cloud portal would show it. */
function chartPng(seed: number): Buffer {
  const rng = new Random(seed);
  const curve = Array.from({ length: 40 }, (_, x) => Math.round(12 + 6 * Math.sin((x + rng.int(0, 3)) / 5)));
  return tinyPng(40, 24, (x, y) => {
    if (y === 6) return [209, 52, 56];
    return Math.abs(y - curve[x]!) < 1 ? [0, 120, 212] : [243, 242, 241];
  });
}
