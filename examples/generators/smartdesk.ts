// Writes a SmartDesk (HubSpot look-alike) export: the UI's CSV exports, the v3 API's JSON pages and the
// file manager's files, deterministic for a seed and streamed row by row so any scale fits in memory.
//
//   generateSmartDeskExport({ outDir: "examples/smartdesk", seed: 1, scale: 1 })
//
// examples/smartdesk/ is exactly what seed 1, scale 1 produces (a test keeps it so); its README lists the
// awkward cases and their record ids. `variants` shapes the export like another customer's (see
// smartdesk-variants.ts); the records stay the same.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CsvFile, prepareExportFolder, tinyPdf, tinyPng, writeJsonFile, type WrittenFile } from "./export-files.js";
import { Random } from "./random.js";
import { awkwardCasesSection, csvEncoding, readmeHeading } from "./readme-tables.js";
import { QUOTE_NUMBER, engagementJson, type EngagementJson } from "./smartdesk-activities.js";
import {
  ARCHIVED_OWNER_ID,
  ARCHIVED_OWNER_LEFT_AT,
  EMAIL_TEMPLATES,
  OWNERS,
  PIPELINES,
  SUPPORT_PIPELINE,
  WORKFLOWS,
  ownerName,
  type CrmObject,
} from "./smartdesk-account.js";
import { AT, CREATED_FROM, EXPORTED_AT, SmartDeskModel, type EngagementObject } from "./smartdesk-model.js";
import { ACCOUNT_TIME_ZONE, exportDate } from "./smartdesk-time.js";
import { SmartDeskShape, resolveSmartDeskVariants, type CsvRecord } from "./smartdesk-variants.js";
import { CAMPAIGNS, KB_ARTICLES } from "./smartdesk-vocabulary.js";

export { PAGE_SIZE, SMARTDESK_CSV, SMARTDESK_VARIANTS, type SmartDeskVariant } from "./smartdesk-variants.js";

export interface SmartDeskExportOptions {
  outDir: string;
  seed: number;
  /** A whole number ≥ 1: scale n writes n times the records of the sample. */
  scale: number;
  /** Overwrite the files of an earlier export in outDir (other files there are left alone). */
  replace?: boolean;
  /**
   * Write only these parts (a benchmark that stages companies and contacts needs no engagements). The
   * records are the same as in a whole export; the README, which describes a whole export, is left out.
   */
  only?: readonly SmartDeskPart[];
  /**
   * Shape the export like another customer's: names from SMARTDESK_VARIANTS, any combination, or `all`.
   * None (the default) writes the sample's shape.
   */
  variants?: readonly string[];
}

export type { WrittenFile } from "./export-files.js";

export interface SmartDeskTrap {
  key: string;
  description: string;
  file: string;
  ids: string[];
}

const ENGAGEMENTS: readonly EngagementObject[] = ["calls", "emails", "meetings", "notes", "tasks"];
const API_BASE = "https://api.hubapi.com";

/** The parts an export can be limited to: a file, or a folder with the files it holds. */
export type SmartDeskPart = Exclude<(typeof OWNED_PATHS)[number], "README.md" | "files">;

/** Everything the generator writes at the top of outDir (files.csv comes with the files/ folder). */
const OWNED_PATHS = [
  "README.md",
  "owners.json",
  "pipelines.json",
  "properties.json",
  "email-templates.json",
  "workflows.json",
  "companies.csv",
  "contacts.csv",
  "leads.csv",
  "deals.csv",
  "tickets.csv",
  "campaigns.csv",
  "kb-articles.csv",
  "files.csv",
  "engagements",
  "files",
] as const;

export async function generateSmartDeskExport(options: SmartDeskExportOptions): Promise<WrittenFile[]> {
  const model = new SmartDeskModel(options.seed >>> 0, options.scale);
  const shape = new SmartDeskShape(model.seed, resolveSmartDeskVariants(options.variants));
  const { outDir } = options;
  await prepareExportFolder(outDir, OWNED_PATHS, options.replace === true);
  const wanted = (part: SmartDeskPart) => options.only === undefined || options.only.includes(part);

  const written: WrittenFile[] = [];
  const json = async (path: SmartDeskPart, value: unknown, records: number) => {
    if (!wanted(path)) return;
    await writeJsonFile(join(outDir, path), value);
    written.push({ path, records });
  };
  await json("owners.json", { results: OWNERS }, OWNERS.length);
  await json("pipelines.json", shape.pipelines(), PIPELINES.length);
  const properties = shape.properties();
  await json(
    "properties.json",
    properties,
    Object.values(properties).reduce((n, list) => n + list.length, 0),
  );
  await json("email-templates.json", { results: EMAIL_TEMPLATES }, EMAIL_TEMPLATES.length);
  await json("workflows.json", { results: WORKFLOWS }, WORKFLOWS.length);

  // Every CSV goes through the shape's column order, so layout reorders the columns of all of them.
  const csv = async (
    path: SmartDeskPart,
    header: readonly string[],
    count: number,
    row: (index: number) => string[] | Promise<string[]>,
  ) => {
    if (!wanted(path)) return;
    const order = shape.columnOrder(path, header.length);
    const file = await CsvFile.create(
      join(outDir, path),
      order.map((k) => header[k]!),
      shape.dialect,
    );
    for (let i = 0; i < count; i++) {
      const cells = await row(i);
      await file.writeRow(order.map((k) => cells[k]!));
    }
    written.push({ path, records: await file.close() });
  };
  // A CRM object's CSV: the record's cells in the sample's column order, which the shape turns into its own columns.
  const crmCsv = async (object: CrmObject, record: (index: number) => CsvRecord) => {
    const columns = shape.columns(object);
    await csv(
      `${object}.csv`,
      columns.map((c) => c.property.label),
      model.counts[object],
      (i) => {
        const values = record(i);
        return columns.map((c) => c.cell(values));
      },
    );
  };
  const ids = (object: "companies" | "contacts", indices: readonly number[]) =>
    indices.map((i) => model.id(object, i)).join(";");
  const at = shape.dateTime;

  await crmCsv("companies", (i) => {
    const c = model.company(i);
    const cells = [
      c.id,
      c.name,
      c.domain,
      c.industry,
      c.employees,
      c.revenue,
      c.phone,
      c.street,
      c.city,
      c.region,
      c.postalCode,
      c.country,
      ownerName(c.ownerId),
      at(c.createdAt),
      at(c.modifiedAt),
      c.parentId,
      c.tier,
      c.vatNumber,
    ];
    return { index: i, cells, createdAt: c.createdAt, closedAt: undefined, sparse: i === AT.company.sparse };
  });
  await crmCsv("contacts", (i) => {
    const c = model.contact(i);
    const cells = [
      c.id,
      c.name.first,
      c.name.last,
      c.email,
      c.phone,
      c.mobile,
      c.jobTitle,
      ownerName(c.ownerId),
      c.lifecycleStage,
      c.leadStatus,
      at(c.createdAt),
      at(c.modifiedAt),
      [ids("companies", c.companies), ...c.missingCompanyIds].filter(Boolean).join(";"),
      c.street,
      c.city,
      c.country,
      c.language,
      c.newsletter,
    ];
    return { index: i, cells, createdAt: c.createdAt, closedAt: undefined, sparse: i === AT.contact.sparse };
  });
  await crmCsv("leads", (i) => {
    const l = model.lead(i);
    const cells = [
      l.id,
      l.name,
      l.status,
      l.source,
      ownerName(l.ownerId),
      model.id("contacts", l.contact),
      ids("companies", l.companies),
      at(l.createdAt),
    ];
    return { index: i, cells, createdAt: l.createdAt, closedAt: undefined, sparse: false };
  });
  await crmCsv("deals", (i) => {
    const d = model.deal(i);
    const cells = [
      d.id,
      d.name,
      d.stage.label,
      d.pipeline.label,
      d.amount,
      at(d.closeDate),
      ownerName(d.ownerId),
      at(d.createdAt),
      d.dealType,
      ids("contacts", d.contacts),
      d.company === undefined ? "" : model.id("companies", d.company),
      String(Number(d.stage.metadata.probability)),
      d.contractMonths,
      exportDate(d.renewalDate),
    ];
    return { index: i, cells, createdAt: d.createdAt, closedAt: d.closeDate, sparse: i === AT.deal.sparse };
  });
  await crmCsv("tickets", (i) => {
    const t = model.ticket(i);
    const cells = [
      t.id,
      t.subject,
      t.description,
      t.stage.label,
      SUPPORT_PIPELINE.label,
      t.priority,
      ownerName(t.ownerId),
      at(t.createdAt),
      model.id("contacts", t.contact),
      ids("companies", t.companies),
    ];
    return { index: i, cells, createdAt: t.createdAt, closedAt: undefined, sparse: false };
  });
  await csv(
    "campaigns.csv",
    ["Campaign ID", "Campaign Name", "Type", "Status", "Start Date", "End Date", "Budget", "Owner"],
    model.counts.campaigns,
    (i) => campaignRow(model, i),
  );
  await csv(
    "kb-articles.csv",
    ["URL", "Title", "Category", "Subcategory", "Article Body", "Status"],
    model.counts.kbArticles,
    (i) => kbArticleRow(model, i),
  );

  if (wanted("engagements"))
    for (const object of ENGAGEMENTS) written.push(...(await writePages(model, shape, outDir, object)));

  await csv(
    "files.csv",
    ["File ID", "File Name", "Path", "Type", "Size", "Associated Object Type", "Associated Object ID"],
    model.counts.files,
    async (i) => {
      const file = fileOf(model, i);
      if (file.content) {
        await mkdir(join(outDir, "files"), { recursive: true });
        await writeFile(join(outDir, file.path), file.content);
      }
      return [
        file.id,
        file.name,
        file.path,
        file.type,
        String(file.content?.length ?? file.missingSize),
        file.objectType,
        file.objectId,
      ];
    },
  );

  if (options.only !== undefined) return written;
  await writeFile(join(outDir, "README.md"), readme(model, shape, written), "utf8");
  written.push({ path: "README.md", records: 0 });
  return written;
}

/** One JSON file per page: calls-1.json, calls-2.json, … (or as the shape names them); the notes export ends with an empty page. */
async function writePages(
  model: SmartDeskModel,
  shape: SmartDeskShape,
  outDir: string,
  object: EngagementObject,
): Promise<WrittenFile[]> {
  const count = model.counts[object];
  const size = shape.pageSize;
  // HubSpot hands out a "next" cursor when a page comes back full; the notes export followed it once
  // more than needed and kept the empty last page.
  const emptyLastPage = object === "notes";
  const pages = Math.max(1, Math.ceil(count / size)) + (emptyLastPage ? 1 : 0);
  const written: WrittenFile[] = [];
  for (let page = 0; page < pages; page++) {
    const results: EngagementJson[] = [];
    for (let i = page * size; i < Math.min(count, (page + 1) * size); i++)
      results.push(shape.engagement(object, i, engagementJson(model, object, i)));
    const body: { results: EngagementJson[]; paging?: { next: { after: string; link: string } } } = { results };
    if (page < pages - 1) {
      const after = model.id(object, Math.min(count, (page + 1) * size));
      body.paging = {
        next: {
          after,
          link: `${API_BASE}/crm/v3/objects/${object}?limit=${size}&after=${after}&associations=contacts,companies,deals,tickets&archived=false`,
        },
      };
    }
    const path = shape.pageFile(object, page + 1);
    await writeJsonFile(join(outDir, path), body);
    written.push({ path, records: results.length });
  }
  return written;
}

function campaignRow(model: SmartDeskModel, index: number): string[] {
  const rng = Random.forRecord(model.seed, "campaign", index);
  const [name, type, budget] = CAMPAIGNS[index % CAMPAIGNS.length]!;
  const round = Math.floor(index / CAMPAIGNS.length);
  const DAY = 86_400_000;
  const start =
    CREATED_FROM + ((index + rng.float()) / model.counts.campaigns) * (EXPORTED_AT + 90 * DAY - CREATED_FROM);
  const end = rng.chance(0.25) ? undefined : start + rng.int(14, 120) * DAY;
  const status =
    start > EXPORTED_AT
      ? "Planned"
      : end !== undefined && end < EXPORTED_AT
        ? "Completed"
        : rng.chance(0.15)
          ? "Paused"
          : "In progress";
  return [
    rng.uuid(),
    round > 0 ? `${name} (${round + 1})` : name,
    type,
    status,
    exportDate(start),
    exportDate(end),
    budget,
    rng.chance(0.1) ? "" : ownerName(model.owner(rng, start)),
  ];
}

function kbArticleRow(model: SmartDeskModel, index: number): string[] {
  const rng = Random.forRecord(model.seed, "kb-article", index);
  const [language, category, subcategory, slug, title, body] = KB_ARTICLES[index % KB_ARTICLES.length]!;
  const round = Math.floor(index / KB_ARTICLES.length);
  const section = category.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const nonLatin = /[\u0400-\u04ff\u3040-\u30ff\u4e00-\u9fff]/.test(title);
  return [
    `https://help.brightwave.io/${language}/${section}/${slug}${round > 0 ? `-${round + 1}` : ""}`,
    round > 0 ? `${title} (${round + 1})` : title,
    category,
    subcategory,
    body,
    nonLatin || rng.chance(0.8) ? "Published" : "Draft",
  ];
}

interface ExportedFile {
  id: string;
  name: string;
  path: string;
  type: "DOCUMENT" | "IMG";
  content: Buffer | undefined;
  /** The size the file manager reports for a file that did not come with the export. */
  missingSize: number;
  objectType: "COMPANY" | "CONTACT" | "DEAL" | "TICKET" | "EMAIL" | "NOTE";
  objectId: string;
}

function chartPng(seed: number): Buffer {
  const rng = new Random(seed);
  const bars = Array.from({ length: 6 }, () => rng.int(4, 22));
  return tinyPng(32, 24, (x, y) => {
    const bar = Math.floor(x / 5);
    const inBar = x % 5 !== 0 && bar < bars.length && 23 - y < bars[bar]!;
    return inBar ? [255, 122, 89] : [245, 248, 250];
  });
}

function fileOf(model: SmartDeskModel, index: number): ExportedFile {
  const id = model.id("files", index);
  const file = (
    name: string,
    type: ExportedFile["type"],
    content: Buffer | undefined,
    objectType: ExportedFile["objectType"],
    objectId: string,
  ): ExportedFile => ({
    id,
    name,
    path: `files/${name}`,
    type,
    content,
    missingSize: 48213,
    objectType,
    objectId,
  });
  const text = (value: string) => Buffer.from(value, "utf8");
  switch (index) {
    case 0:
    case 1: {
      const deal = model.deal(AT.deal.withProposal);
      const lines = [
        `Brightwave - ${deal.name}`,
        `Term: ${deal.contractMonths || "12"} months`,
        `Total: ${deal.amount} EUR`,
      ];
      return index === 0
        ? file("proposal-acme-robotics.pdf", "DOCUMENT", tinyPdf(["Proposal", ...lines]), "DEAL", deal.id)
        : file(
            `quote-${QUOTE_NUMBER}.pdf`,
            "DOCUMENT",
            tinyPdf([`Quote ${QUOTE_NUMBER}`, ...lines]),
            "EMAIL",
            model.id("emails", AT.email.attachment),
          );
    }
    case 2:
      return file(
        "dashboard-screenshot.png",
        "IMG",
        chartPng(model.seed),
        "TICKET",
        model.id("tickets", AT.ticket.html),
      );
    case 3:
      return file(
        "meeting-notes-2024-04-18.txt",
        "DOCUMENT",
        text(
          "打ち合わせメモ（2024年4月18日）\n出席者：佐藤 陽菜 様（株式会社サンプル）、Kenji Watanabe、Priya Raman\n" +
            "- 導入開始：来月\n- 研修：オンラインで2回\n\nЗаметка: отправить Ольге Ивановой договор до пятницы.\n",
        ),
        "NOTE",
        model.id("notes", AT.note.attachments),
      );
    case 4:
      return file(
        "contract-summary.txt",
        "DOCUMENT",
        text(
          "Contract summary (exported from contract-summary.docx)\n\nTerm: 24 months\nPayment: annually in advance, net 30\nSLA: 99.9 %, first response 4 business hours\n",
        ),
        "NOTE",
        model.id("notes", AT.note.attachments),
      );
    case 5:
      // Listed by the file manager, but the download failed: the file is not in files/.
      return file(
        "signed-contract-mueller.pdf",
        "DOCUMENT",
        undefined,
        "COMPANY",
        model.id("companies", AT.company.umlaut),
      );
  }
  const kind = index % 3;
  if (kind === 0) {
    const deal = model.deal(index % model.counts.deals);
    return file(
      `quote-${deal.id}.pdf`,
      "DOCUMENT",
      tinyPdf([`Quote for deal ${deal.id}`, deal.name, `Amount: ${deal.amount || "tbd"} EUR`]),
      "DEAL",
      deal.id,
    );
  }
  if (kind === 1) {
    const ticket = model.id("tickets", index % model.counts.tickets);
    return file(`screenshot-${ticket}.png`, "IMG", chartPng(model.seed + index), "TICKET", ticket);
  }
  const contact = model.contact(index % model.counts.contacts);
  return file(
    `call-notes-${contact.id}.txt`,
    "DOCUMENT",
    text(`Call notes – ${contact.name.first} ${contact.name.last}\n\nDiscussed next steps.\n`),
    "CONTACT",
    contact.id,
  );
}

/**
 * The awkward cases of an export of this scale, with the ids of the records that carry them; `variants`
 * only moves them between files (engagement pages are cut and named by the shape).
 */
export function smartDeskTraps(scale: number, seed = 1, variants: readonly string[] = []): SmartDeskTrap[] {
  const model = new SmartDeskModel(seed >>> 0, scale);
  const shape = new SmartDeskShape(model.seed, resolveSmartDeskVariants(variants));
  const page = (object: EngagementObject, index: number) =>
    shape.pageFile(object, Math.floor(index / shape.pageSize) + 1);
  const company = (i: number) => model.id("companies", i);
  const contact = (i: number) => model.id("contacts", i);
  const deal = (i: number) => model.id("deals", i);
  const ticket = (i: number) => model.id("tickets", i);
  const c = AT.company;
  const trap = (key: string, file: string, ids: string[], description: string): SmartDeskTrap => ({
    key,
    file,
    ids,
    description,
  });
  const notesPages = Math.ceil(model.counts.notes / shape.pageSize) + 1;
  return [
    trap(
      "company-hierarchy",
      "companies.csv",
      [company(c.groupParent), company(c.groupChild), company(c.groupGrandchild)],
      `Two-level hierarchy: ${company(c.groupChild)}'s Parent Company ID is ${company(c.groupParent)}, ${company(c.groupGrandchild)}'s is ${company(c.groupChild)}.`,
    ),
    trap(
      "parent-after-child",
      "companies.csv",
      [company(c.childBeforeParent), company(c.laterParent)],
      `${company(c.childBeforeParent)} names ${company(c.laterParent)} as its parent, which comes later in the file.`,
    ),
    trap(
      "same-domain",
      "companies.csv",
      [company(c.sameDomainA), company(c.sameDomainB)],
      `One company twice: "Acme Robotics GmbH" at acme-robotics.de and "ACME Robotics" at www.acme-robotics.de.`,
    ),
    trap(
      "non-latin-company",
      "companies.csv",
      [company(c.umlaut), company(c.japanese)],
      `"Müller GmbH" and "株式会社サンプル" (Japanese region and street too).`,
    ),
    trap(
      "html-entity-name",
      "companies.csv",
      [company(c.htmlEntityName)],
      `Name holds an HTML entity: "Bits &amp; Bytes Ltd".`,
    ),
    trap(
      "quoted-name",
      "companies.csv",
      [company(c.quotedName)],
      `Name with a comma and quotes: Smith, Jones & "Partners" LLP.`,
    ),
    trap(
      "multiline-cell",
      "companies.csv",
      [company(c.multilineAddress)],
      `Street Address spans two lines (a bare LF inside a quoted cell of a${shape.dialect.lineEnd === "\r\n" ? " CRLF" : "n LF"} file).`,
    ),
    trap(
      "empty-company",
      "companies.csv",
      [company(c.sparse)],
      "Only the name is set: no domain, owner, address, industry or custom values.",
    ),
    trap("contact-without-company", "contacts.csv", [contact(AT.contact.noCompany)], "Empty Associated Company IDs."),
    trap(
      "contact-two-companies",
      "contacts.csv",
      [contact(AT.contact.twoCompanies)],
      `Associated Company IDs "${company(c.groupChild)};${company(c.groupParent)}".`,
    ),
    trap(
      "contact-missing-company",
      "contacts.csv",
      [contact(AT.contact.mergedCompany)],
      `Associated Company ID ${model.missingId("companies")} is not in companies.csv (merged or deleted in the source).`,
    ),
    trap(
      "non-latin-contact",
      "contacts.csv",
      [contact(AT.contact.cyrillic), contact(AT.contact.japanese), contact(AT.contact.quotedTitle)],
      "Ольга Иванова, 陽菜 佐藤 (at 株式会社サンプル) and Jürgen Müller (at Müller GmbH).",
    ),
    trap(
      "quoted-job-title",
      "contacts.csv",
      [contact(AT.contact.quotedTitle)],
      `Job Title: Head of "Special Projects", EMEA.`,
    ),
    trap(
      "empty-contact",
      "contacts.csv",
      [contact(AT.contact.sparse)],
      "No email, phone, owner, lifecycle stage, address or custom values.",
    ),
    trap(
      "contact-abroad",
      "contacts.csv",
      [contact(AT.contact.abroad)],
      `Of its address only Country/Region is set, and it is not its company's ("${model.contact(AT.contact.abroad).country}"): Odoo gives a contact of type contact its company's whole address.`,
    ),
    trap(
      "lead-without-company",
      "leads.csv",
      [model.id("leads", AT.lead.noCompany)],
      `Lead of contact ${contact(AT.contact.noCompany)}, no company.`,
    ),
    trap(
      "deal-two-contacts",
      "deals.csv",
      [deal(AT.deal.twoContacts)],
      `Associated Contact IDs "${contact(AT.contact.cyrillic)};${contact(AT.contact.dealPartner)}".`,
    ),
    trap(
      "archived-owner",
      "deals.csv",
      AT.deal.archivedOwner.map(deal),
      `Owned by Tom Becker (owner ${ARCHIVED_OWNER_ID}, archived: left ${new Date(ARCHIVED_OWNER_LEFT_AT).toISOString().slice(0, 10)}); ` +
        "he also owns other records created before he left, the task below, and workflow 19102 assigns him tasks. " +
        "He is not among hubspot_owner_id's options in properties.json.",
    ),
    trap(
      "shared-stage-label",
      "deals.csv",
      [deal(AT.deal.salesContractSent), deal(AT.deal.renewalsContractSent)],
      `Deal Stage "Contract Sent" in Sales Pipeline (contractsent) and in Renewals (74291532).`,
    ),
    trap(
      "empty-deal",
      "deals.csv",
      [deal(AT.deal.sparse)],
      "No Amount, Close Date, Deal Type, contract length or renewal date.",
    ),
    trap(
      "quoted-deal-name",
      "deals.csv",
      [deal(AT.deal.quotedName)],
      `Deal Name with quotes and a comma: … – Rollout "Phase 2", Hamburg.`,
    ),
    trap(
      "html-ticket",
      "tickets.csv",
      [ticket(AT.ticket.html)],
      `HTML Ticket description; screenshot ${model.id("files", 2)} attached.`,
    ),
    trap(
      "multiline-ticket",
      "tickets.csv",
      [ticket(AT.ticket.multiline)],
      "Description with line breaks, quotes and a comma.",
    ),
    trap("non-latin-ticket", "tickets.csv", [ticket(AT.ticket.japanese)], "Japanese name and description."),
    trap("unassigned-ticket", "tickets.csv", [ticket(AT.ticket.unassigned)], "No owner, no priority."),
    trap(
      "call-deal-and-contact",
      page("calls", AT.call.dealAndContact),
      [model.id("calls", AT.call.dealAndContact)],
      `Associated with deal ${deal(AT.deal.twoContacts)}, its two contacts and its company.`,
    ),
    trap(
      "offset-timestamps",
      "engagements/",
      [model.id("calls", AT.call.offset), model.id("meetings", AT.meeting.offset)],
      `hs_timestamp 2024-03-05T14:00:00+05:30 on the call; start, end and hs_timestamp at +09:00 on the meeting. About one activity in eight has an offset; the rest are UTC (Z).`,
    ),
    trap(
      "email-attachment",
      page("emails", AT.email.attachment),
      [model.id("emails", AT.email.attachment)],
      `hs_attachment_ids ${model.id("files", 1)} (files/quote-${QUOTE_NUMBER}.pdf).`,
    ),
    trap(
      "cyrillic-email",
      page("emails", AT.email.cyrillic),
      [model.id("emails", AT.email.cyrillic)],
      `Incoming email from Ольга Иванова, Russian body.`,
    ),
    trap(
      "note-attachments",
      page("notes", AT.note.attachments),
      [model.id("notes", AT.note.attachments)],
      `hs_attachment_ids "${model.id("files", 3)};${model.id("files", 4)}"; Japanese body.`,
    ),
    trap(
      "orphan-engagement",
      page("notes", AT.note.orphanContact),
      [model.id("notes", AT.note.orphanContact)],
      `Associated contact ${model.missingId("contacts")} is not in contacts.csv.`,
    ),
    trap(
      "archived-owner-task",
      page("tasks", AT.task.archivedOwner),
      [model.id("tasks", AT.task.archivedOwner)],
      "Open (NOT_STARTED) task of the owner who has left, on one of his deals.",
    ),
    trap(
      "empty-page",
      shape.pageFile("notes", notesPages),
      [],
      `The last notes page is {"results": []}, reached through the previous page's paging.next.`,
    ),
    trap("missing-file", "files.csv", [model.id("files", 5)], "Listed in files.csv, not present in files/."),
    trap(
      "non-latin-kb-title",
      "kb-articles.csv",
      [kbArticleRow(model, 3)[0]!, kbArticleRow(model, 7)[0]!],
      "Titles 請求書の再発行方法 and Как сбросить пароль.",
    ),
    trap("owner-email-case", "owners.json", ["41102"], "Email Marco.Bianchi@Brightwave.io in mixed case."),
    trap(
      "campaign-uuid-keys",
      "campaigns.csv",
      [],
      "Campaign IDs are UUIDs, not numbers; one name has quotes, one a comma, one is half Japanese.",
    ),
  ];
}

function readme(model: SmartDeskModel, shape: SmartDeskShape, written: readonly WrittenFile[]): string {
  const count = (path: string) => written.find((w) => w.path === path)?.records ?? 0;
  // No engagement object's name starts with another's, so the name alone finds its pages however they are named.
  const pages = (object: EngagementObject) => written.filter((w) => w.path.startsWith(`engagements/${object}`));
  const layout = shape.has("layout");
  const origin = { source: "smartdesk", seed: model.seed, scale: model.scale, variants: shape.variants };
  const lines = [
    ...readmeHeading("SmartDesk sample export", origin),
    "SmartDesk is a HubSpot look-alike: the column labels, internal property names, option values and API shapes are HubSpot's.",
    "",
    "## Formats",
    "",
    `- CSV files are UI exports: ${csvEncoding(shape.dialect)}, comma-delimited, RFC 4180 quoting.`,
    "  Headers are property labels; `properties.json` maps each label to its internal name, type and options.",
    `- Date-times in CSV are \`YYYY-MM-DD HH:mm${layout ? ":ss" : ""}\` wall-clock time in the account time zone (${ACCOUNT_TIME_ZONE}), with no offset;`,
    "  date-only properties (Renewal Date, campaign dates) are `YYYY-MM-DD`.",
    "- Enumerations in CSV show option labels (`Closed Won`, `Customer`, `Yes`), not values; owners show the owner's name.",
    "- Multi-valued association cells separate ids with `;`. Amounts are plain decimals (`12500`, `7499.99`).",
    '- JSON files are API v3 responses, 2-space indented. Engagement properties are all strings (an unset one is `""`);',
    "  times are ISO 8601, mostly UTC. An engagement lists `associations` only for object types it has links to.",
    "- Pages of an API export chain through `paging.next.after`; the last page has no `paging`.",
    "- Record ids are numeric strings, unique per object type; campaign ids are UUIDs. A knowledge-base article's key is its URL.",
    "",
    "## Files",
    "",
    "| file | records | what |",
    "| --- | ---: | --- |",
    `| owners.json | ${count("owners.json")} | owners API v3, one archived |`,
    `| pipelines.json | ${count("pipelines.json")} | two deal pipelines (default, Renewals) and the ticket pipeline${layout ? ", under `deals` and `tickets`" : ""} |`,
    `| properties.json | ${count("properties.json")} | property definitions per object (companies, contacts, leads, deals, tickets${shape.has("custom-properties") ? ", calls, notes" : ""}) |`,
    `| companies.csv | ${count("companies.csv")} | companies |`,
    `| contacts.csv | ${count("contacts.csv")} | contacts |`,
    `| leads.csv | ${count("leads.csv")} | HubSpot's Leads object |`,
    `| deals.csv | ${count("deals.csv")} | deals |`,
    `| tickets.csv | ${count("tickets.csv")} | help desk tickets |`,
    ...ENGAGEMENTS.map((object) => {
      const list = pages(object);
      const total = list.reduce((n, w) => n + w.records, 0);
      const first = shape.pageFile(object, 1);
      const files =
        list.length === 1 ? first : `${first} … ${shape.pageFile(object, list.length).slice("engagements/".length)}`;
      const last = list.at(-1)?.records === 0 ? ", last page empty" : "";
      return `| ${files} | ${total} | ${object}, up to ${shape.pageSize} per page${last} |`;
    }),
    `| campaigns.csv | ${count("campaigns.csv")} | campaigns |`,
    `| email-templates.json | ${count("email-templates.json")} | templates with HubL tokens and \`{% if %}\` blocks |`,
    `| kb-articles.csv | ${count("kb-articles.csv")} | knowledge-base articles, HTML bodies |`,
    `| workflows.json | ${count("workflows.json")} | workflows (documentation only, not migrated) |`,
    `| files.csv + files/ | ${count("files.csv")} | file manager listing and the downloaded files |`,
    "",
    ...shape.readmeSection(model.scale),
    ...awkwardCasesSection(smartDeskTraps(model.scale, model.seed, shape.variants)),
    `Owners: ${OWNERS.map((o) => `${o.id} ${o.firstName} ${o.lastName}${o.archived ? " (archived)" : ""}`).join(", ")}.`,
    "",
  ];
  return lines.join("\n");
}
