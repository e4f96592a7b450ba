// E-mails and media files of a Concord export. E-mails were synced from the users' mailboxes: every other one
// comes from a contact to a user, the rest go from a user to a contact; two involve an address no contact has.
// Media are files attached to contacts, companies and deals, kept under storage/app/ at their disk_path.
import { USERS, userEmail } from "./concord-account.js";
import { AT, BASE_COUNTS, hasEmail, inBlock, isAt, staffOf } from "./concord-layout.js";
import { happenedAfter, type ConcordModel } from "./concord-model.js";
import { EMAIL_SUBJECTS } from "./concord-vocabulary.js";
import { tinyPdf, tinyPng } from "./export-files.js";
import type { Links } from "./concord-activities.js";

export interface Address {
  address: string;
  name: string;
}

export interface Email extends Omit<Links, "first" | "userId" | "since"> {
  id: number;
  subject: string;
  html: string;
  text: string;
  from: Address;
  to: Address[];
  date: number;
}

/** Deal d of a block is company d's (d < 40) but for these: an e-mail about company c may link deal c. */
const dealOfCompany = (position: number) => !isAt(position, [AT.deal.personOnly, AT.deal.noParties]);

export function email(model: ConcordModel, index: number): Email {
  const rng = model.random("email", index);
  const position = inBlock(index, "emails");
  const companyPosition = (position * 3 + 1) % BASE_COUNTS.companies;
  const company = model.company(model.sameBlock("emails", index, "companies", companyPosition));
  const person = staffOf(companyPosition).find(hasEmail)!;
  const contact = model.contact(model.sameBlock("emails", index, "contacts", person));
  const user = USERS.find((u) => u.id === company.userId)!;
  const inbound = position % 2 === 0;
  const unknown =
    position === AT.email.unknownSender
      ? { address: `faturacao@${company.domain}`, name: `Faturação ${company.entry.short}` }
      : position === AT.email.unknownRecipient
        ? { address: `armazem@${company.domain}`, name: `Armazém ${company.entry.short}` }
        : undefined;
  const them = unknown ?? { address: contact.email!, name: `${contact.first} ${contact.last}` };
  const us = { address: userEmail(user), name: user.name };
  const subject = rng.pick(EMAIL_SUBJECTS);
  const greeting = inbound ? user.name.split(" ")[0]! : unknown ? "equipa" : contact.first;
  const line =
    position === AT.email.entities
      ? "Segue o orçamento para Transportes &amp; Logística &mdash; valores &lt;sem IVA&gt;."
      : rng.pick(["Segue em anexo a informação pedida.", "Podemos falar amanhã às 10h?", "Obrigado pela reunião."]);
  const deal = model.sameBlock("emails", index, "deals", companyPosition) + 1;
  const linksDeal = dealOfCompany(companyPosition) && rng.chance(0.5);
  return {
    id: index + 1,
    subject,
    html: `<p>Bom dia ${greeting},</p><p>${line}</p><p>Cumprimentos,<br>${inbound ? them.name : us.name}</p>`,
    text: `Bom dia ${greeting},\n\n${decodeEntities(line)}\n\nCumprimentos,\n${inbound ? them.name : us.name}`,
    from: inbound ? them : us,
    to: [inbound ? us : them],
    date: happenedAfter(rng, Math.max(company.created, contact.created), 60),
    contacts: unknown ? [] : [contact.id],
    companies: [company.id],
    deals: linksDeal ? [deal] : [],
  };
}

/** The plain text of the few entities the e-mails use. */
function decodeEntities(html: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", mdash: "—" };
  return html.replace(/&(amp|lt|gt|mdash);/g, (_, name: string) => named[name]!);
}

export interface MediaFile {
  id: number;
  fileName: string;
  /** Relative to storage/app/, `/`-separated. */
  diskPath: string;
  mimeType: string;
  mediableType: "App\\Models\\Contact" | "App\\Models\\Company" | "App\\Models\\Deal";
  mediableId: number;
  content: Buffer;
}

/** File m of a block: a PDF of a deal (m mod 3 = 0), a PNG of a contact (1) or a text file of a company (2). */
export function mediaFile(model: ConcordModel, index: number): MediaFile {
  const rng = model.random("media", index);
  const position = inBlock(index, "media");
  const uuid = rng.uuid();
  const common = (fileName: string, mimeType: string, content: Buffer) => ({
    id: index + 1,
    fileName,
    diskPath: `media/${uuid}/${fileName}`,
    mimeType,
    content,
  });
  if (position % 3 === 0) {
    const deal = model.sameBlock("media", index, "deals", (position * 3) % BASE_COUNTS.deals) + 1;
    const name = rng.pick(["Proposta comercial.pdf", "Contrato assinado.pdf", "Caderno de encargos.pdf"]);
    const pdf = tinyPdf([name.replace(/\.pdf$/, ""), `Deal ${deal}`, "Rumo Software, Lisboa"]);
    return { ...common(name, "application/pdf", pdf), mediableType: "App\\Models\\Deal", mediableId: deal };
  }
  if (position % 3 === 1) {
    const contact = model.sameBlock("media", index, "contacts", (position * 7 + 2) % BASE_COUNTS.contacts) + 1;
    const name =
      position === AT.media.nonAsciiName ? "Cartão de visita.png" : rng.pick(["cartao-visita.png", "assinatura.png"]);
    const [r, g, b] = [rng.int(0, 256), rng.int(0, 256), rng.int(0, 256)];
    const png = tinyPng(10, 6, (x, y) => [(r + x * 20) % 256, (g + y * 30) % 256, b]);
    return { ...common(name, "image/png", png), mediableType: "App\\Models\\Contact", mediableId: contact };
  }
  const company = model.sameBlock("media", index, "companies", (position * 5) % BASE_COUNTS.companies) + 1;
  const [name, text] = rng.pick([
    ["requisitos.txt", "Requisitos: 40 veículos, 2 armazéns, integração com o ERP.\n"],
    ["notas-reuniao.txt", "Reunião de arranque: equipa do cliente confirmada.\nPróximo passo: levantamento.\n"],
  ] as const);
  const content = Buffer.from(text, "utf8");
  return { ...common(name, "text/plain", content), mediableType: "App\\Models\\Company", mediableId: company };
}
