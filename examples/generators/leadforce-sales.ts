// Proposals and invoices of a Leadforce export, with their lines. Proposal p of a block is for deal
// PROPOSAL_DEALS[p] (open or won), invoice v for won deal WON_DEALS[v mod 9], both of the same block; the
// number of lines is fixed by position too, so the line files grow exactly with the scale. Amounts are
// whole paise: a rate is a multiple of 50 paise and a quantity a multiple of 0.5, so qty × rate never
// needs rounding.
import { ITEMS, type Item } from "./leadforce-account.js";
import { DAY, istDayStart } from "./leadforce-format.js";
import {
  AT,
  BASE_COUNTS,
  INVOICE_LINES,
  PROPOSAL_DEALS,
  PROPOSAL_LINES,
  WON_DEALS,
  blockOf,
  isAt,
} from "./leadforce-layout.js";
import { EXPORTED_AT, type Deal, type LeadforceModel } from "./leadforce-model.js";
import type { Random } from "./random.js";

/** Rupees per US dollar when a rate is quoted in USD. */
const INR_PER_USD = 83;

export interface Line {
  sku: string;
  description: string;
  /** Quantity in halves: 3 is 1.5. */
  halves: number;
  /** Rate in paise (or cents). */
  rate: number;
  tax: number;
}

export interface Proposal {
  id: number;
  subject: string;
  deal: Deal;
  /** Σ qty × rate of the lines, before tax, in paise. */
  total: number;
  status: "draft" | "sent" | "accepted" | "declined";
  date: number;
  openTill: number;
  lines: Line[];
}

export interface Invoice {
  number: string;
  company: string;
  deal: Deal;
  date: number;
  due: number;
  status: "Paid" | "Unpaid" | "Partially Paid" | "Overdue";
  /** Σ (qty × rate + GST rounded to the paisa) of the lines, in paise. */
  total: number;
  lines: Line[];
}

export const lineAmount = (line: Line): number => (line.rate * line.halves) / 2;
const lineTax = (line: Line): number => Math.round((lineAmount(line) * line.tax) / 100);

export function proposal(model: LeadforceModel, index: number): Proposal {
  const rng = model.random("proposal", index);
  const local = index % BASE_COUNTS.proposals;
  const deal = model.deal(blockOf(index, BASE_COUNTS.proposals) * BASE_COUNTS.deals + PROPOSAL_DEALS[local]!);
  // Every block's first proposal (for deal 1) was declined; its last, a revision a few weeks later, accepted.
  const [declined, revised] = AT.proposal.declinedThenAccepted.map((at) => local === at);
  const later = revised ? 25 : 0;
  const date = Math.min(istDayStart(deal.start) + (rng.int(2, 12) + later) * DAY, istDayStart(EXPORTED_AT) - DAY);
  const lines = linesOf(rng, deal, PROPOSAL_LINES[local]!, local === AT.proposal.repeatedSku);
  return {
    id: index + 1,
    subject: `${revised ? "Revised proposal" : "Proposal"} for ${deal.name}`,
    deal,
    total: lines.reduce((sum, line) => sum + lineAmount(line), 0),
    status: declined
      ? "declined"
      : deal.status === "won"
        ? "accepted"
        : rng.weighted([
            ["draft", 1],
            ["sent", 3],
            ["declined", 1],
          ] as const),
    date,
    openTill: date + rng.pick([15, 30]) * DAY,
    lines,
  };
}

export function invoice(model: LeadforceModel, index: number): Invoice {
  const rng = model.random("invoice", index);
  const local = index % BASE_COUNTS.invoices;
  const deal = model.deal(
    blockOf(index, BASE_COUNTS.invoices) * BASE_COUNTS.deals + WON_DEALS[local % WON_DEALS.length]!,
  );
  // A won deal's second invoice bills the balance, a month after the first.
  const balance = local >= WON_DEALS.length ? 30 : 0;
  const date = Math.min(istDayStart(deal.start) + (rng.int(10, 30) + balance) * DAY, istDayStart(EXPORTED_AT) - DAY);
  const due = date + rng.pick([15, 30]) * DAY;
  const lines = linesOf(rng, deal, INVOICE_LINES[local]!, false);
  return {
    number: `INV-2024-${String(index + 1).padStart(4, "0")}`,
    company: isAt(index, AT.invoice.acmeOtherSpelling) ? model.lead(AT.lead.acme[2]).company : deal.company,
    deal,
    date,
    due,
    status: invoiceStatus(rng, due),
    total: lines.reduce((sum, line) => sum + lineAmount(line) + lineTax(line), 0),
    lines,
  };
}

function invoiceStatus(rng: Random, due: number): Invoice["status"] {
  if (due < EXPORTED_AT)
    return rng.weighted([
      ["Paid", 3],
      ["Overdue", 2],
      ["Partially Paid", 1],
    ] as const);
  return rng.weighted([
    ["Unpaid", 2],
    ["Paid", 1],
    ["Partially Paid", 1],
  ] as const);
}

/**
 * `count` lines of distinct items; with `repeatSku` the first item comes twice, as two phases with their own
 * descriptions (a line is unique by SKU and description together, not by SKU).
 */
function linesOf(rng: Random, deal: Deal, count: number, repeatSku: boolean): Line[] {
  const share = deal.value / count;
  if (!repeatSku) return rng.sample(ITEMS, count).map((item) => lineOf(rng, deal, item, item.description, share));
  const consulting = ITEMS.find((item) => item.sku === "LF-SVC-001")!;
  const others = rng.sample(
    ITEMS.filter((item) => item !== consulting),
    count - 2,
  );
  return [
    lineOf(rng, deal, consulting, `${consulting.description} - phase 1`, share),
    lineOf(rng, deal, consulting, `${consulting.description} - phase 2`, share),
    ...others.map((item) => lineOf(rng, deal, item, item.description, share)),
  ];
}

/**
 * A line worth about `share` of the deal: hours in halves, licences and pieces whole. Customers abroad are
 * billed an export of services, zero-rated, whatever the item's own GST.
 */
function lineOf(rng: Random, deal: Deal, item: Item, description: string, share: number): Line {
  const rate = rateOf(rng, deal, item);
  const wanted = (share * (0.6 + rng.float() * 0.8)) / rate;
  const halves = item.unit === "Hours" ? clamp(Math.round(wanted * 2), 1, 160) : 2 * clamp(Math.round(wanted), 1, 50);
  return { sku: item.sku, description, halves, rate, tax: deal.currency === "USD" ? 0 : item.tax };
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/** The list rate, often discounted by 5 or 10 %, converted for a USD deal; always a multiple of 50 paise. */
function rateOf(rng: Random, deal: Deal, item: Item): number {
  const discount = rng.weighted([
    [0, 3],
    [5, 1],
    [10, 1],
  ] as const);
  let rate = (item.rate * (100 - discount)) / 100;
  if (deal.currency === "USD") rate /= INR_PER_USD;
  return Math.max(50, Math.round(rate / 50) * 50);
}
