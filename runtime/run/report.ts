// The run report for a person: the same figures as summary.json, plus what needs a human: owners to
// create in Odoo, orphaned references, placeholders, and the first rejects with their reasons.
import type { StagingStore } from "../stage/index.js";
import type { RunSummary } from "./summary.js";

const REJECTS_SHOWN = 50;

interface ReportData {
  summary: RunSummary;
  owners: Array<{ key: string; records: number; reason: string }>;
  orphans: Array<{ target: string; key: string; records: number }>;
  placeholders: Array<{ target: string; key: string; records: number }>;
  rejects: Array<{ source: string; key: string; where: string; reason: string }>;
}

function gather(summary: RunSummary, store: StagingStore): ReportData {
  return {
    summary,
    owners: store.ownersToCreate(),
    orphans: store.queueGroups("orphan"),
    placeholders: store.queueGroups("placeholder"),
    rejects: store.firstRejects(REJECTS_SHOWN).map((r) => ({
      source: r.source,
      key: r.source_key ?? "",
      where: r.file ? `${r.file}:${r.row ?? "?"}` : "",
      reason: r.reason,
    })),
  };
}

export function renderRunReport(summary: RunSummary, store: StagingStore): { markdown: string; html: string } {
  const data = gather(summary, store);
  return { markdown: markdownReport(data), html: htmlReport(data) };
}

interface Table {
  headers: string[];
  rows: Array<Array<string | number>>;
}

function sections(data: ReportData): Array<{ title: string; intro: string; table?: Table }> {
  const { summary } = data;
  const stageRows = summary.objects.map((o) => {
    const p = o.phases[0]!;
    return [o.label, p.source, p.staged, p.rejected, p.skipped, o.balanced ? "yes" : "NO", `${p.ms} ms`];
  });
  return [
    {
      title: "Objects",
      intro: summary.balanced
        ? "Every source row is staged, rejected with a reason, or skipped by a declared rule: the counts balance for every object."
        : "Some counts do NOT balance: a source row was lost. This is a defect; please report it with this run directory.",
      table: {
        headers: ["object", "source rows", "staged", "rejected", "skipped", "balanced", "time"],
        rows: stageRows,
      },
    },
    ...(summary.loadPhases
      ? [
          {
            title: "Load phases",
            intro: `Loaded into ${summary.odoo?.url ?? "Odoo"} (database ${summary.odoo?.db ?? "?"}) in this order; each phase balanced before the next began.`,
            table: {
              headers: [
                "phase",
                "Odoo model",
                "records",
                "created",
                "updated",
                "unchanged",
                "rejected",
                "skipped",
                "time",
              ],
              rows: summary.loadPhases.map((p) => [
                p.phase,
                p.model,
                p.source,
                p.created,
                p.updated,
                p.unchanged,
                p.rejected,
                p.skipped,
                `${p.ms} ms`,
              ]),
            },
          },
        ]
      : []),
    ...(summary.delta
      ? [
          {
            title: "Changes since the previous run",
            intro: `${summary.delta.new} new, ${summary.delta.changed} changed and ${summary.delta.unchanged} unchanged source rows; ${summary.delta.gone.length} row(s) of the previous export are gone (listed; nothing is deleted in Odoo).`,
            table: {
              headers: ["object", "key no longer in the export"],
              rows: summary.delta.gone.map((g) => [g.source, g.key]),
            },
          },
        ]
      : []),
    ...columnSections(summary),
    {
      title: "Records staged per map",
      intro: "Records that will be created or updated in Odoo. Merged rows were folded into another record (many:1).",
      table: {
        headers: ["map", "object", "Odoo model", "records", "merged rows", "placeholders"],
        rows: summary.mappings.map((m) => [m.mapping, m.source, m.model, m.records, m.merged, m.placeholders]),
      },
    },
    {
      title: "Owners to create in Odoo",
      intro: data.owners.length
        ? "These owners have no matching Odoo user. mapc does not invent users: create them (or map them to existing users), then run again."
        : "No owner is waiting for an Odoo user.",
      ...(data.owners.length
        ? {
            table: {
              headers: ["owner", "records waiting", "note"],
              rows: data.owners.map((o) => [o.key, o.records, o.reason]),
            },
          }
        : {}),
    },
    {
      title: "References to records not in the export",
      intro: data.orphans.length
        ? "These records point at keys the export does not hold; the field is left empty and the record is queued."
        : "Every reference points at a record in the export.",
      ...(data.orphans.length
        ? {
            table: {
              headers: ["points at", "key", "records"],
              rows: data.orphans.map((o) => [o.target, o.key, o.records]),
            },
          }
        : {}),
    },
    {
      title: "Placeholders",
      intro: data.placeholders.length
        ? "Placeholder records created in place of missing ones, marked as such for review."
        : "No placeholder was needed.",
      ...(data.placeholders.length
        ? {
            table: {
              headers: ["stands in for", "key", "records pointing at it"],
              rows: data.placeholders.map((p) => [p.target, p.key, p.records]),
            },
          }
        : {}),
    },
    {
      title: "Lookups left for the live Odoo",
      intro:
        "Distinct keys that the load will look up in Odoo (users by e-mail, countries, stages…); a dry run cannot answer them.",
      table: {
        headers: ["lookup", "distinct keys"],
        rows: Object.entries(summary.pendingOdooLookups).map(([name, n]) => [name, n]),
      },
    },
    {
      title: "Rejects",
      intro: summary.rejects
        ? `${summary.rejects} source record(s) were rejected; ${Math.min(summary.rejects, REJECTS_SHOWN)} are shown here, all are in rejects.csv.`
        : "No source record was rejected.",
      ...(data.rejects.length
        ? {
            table: {
              headers: ["object", "key", "where", "reason"],
              rows: data.rejects.map((r) => [r.source, r.key, r.where, r.reason]),
            },
          }
        : {}),
    },
  ];
}

// Every column of the export, and the customer's own properties its metadata added to the plan.
function columnSections(summary: RunSummary): Array<{ title: string; intro: string; table?: Table }> {
  if (!summary.columns) return [];
  const left = summary.columns.filter((c) => c.unaccounted.length > 0);
  const properties = summary.customProperties ?? [];
  return [
    {
      title: "Columns of the export",
      intro: left.length
        ? "Some columns of the export are neither read nor dropped by the spec: they do NOT migrate. Map them, or drop them with a reason (`mapc run --strict` refuses until every column is accounted for)."
        : "Every column of the export is read or dropped with a reason by the spec.",
      table: {
        headers: [
          "object",
          "files",
          "export columns",
          "read",
          "dropped",
          "not accounted for",
          "declared, not in the export",
        ],
        rows: summary.columns.map((c) => [
          c.source,
          c.files.length,
          c.columns,
          c.read,
          c.dropped.length,
          c.unaccounted.join(", ") || "none",
          c.absent.join(", ") || "none",
        ]),
      },
    },
    ...(properties.length
      ? [
          {
            title: "Custom properties from the export's metadata",
            intro:
              "The customer's own properties the export's metadata lists and the spec does not declare, each migrated into an x_ field.",
            table: {
              headers: ["object", "property", "column", "Odoo field"],
              rows: properties.map((p) => [p.source, p.label, p.column, p.fields.join(", ")]),
            },
          },
        ]
      : []),
  ];
}

function runLine(summary: RunSummary): string {
  const what =
    summary.mode === "load"
      ? `Run of ${summary.spec.file} into ${summary.odoo?.url ?? "Odoo"} (${summary.odoo?.db ?? ""})`
      : `Dry run of ${summary.spec.file}`;
  const tail = summary.mode === "load" ? "" : " Nothing was written to Odoo.";
  return `${what} on ${summary.exportDir}, ${summary.startedAt} (${summary.durationMs} ms).${tail}`;
}

function markdownCell(value: string | number): string {
  return String(value).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

function markdownReport(data: ReportData): string {
  const { summary } = data;
  const lines = [`# Run report: ${summary.spec.title}`, "", `${runLine(summary)}`, ""];
  for (const section of sections(data)) {
    lines.push(`## ${section.title}`, "", section.intro, "");
    if (section.table && section.table.rows.length > 0) {
      lines.push(
        `| ${section.table.headers.join(" | ")} |`,
        `| ${section.table.headers.map(() => "---").join(" | ")} |`,
      );
      for (const row of section.table.rows) lines.push(`| ${row.map(markdownCell).join(" | ")} |`);
      lines.push("");
    }
  }
  return `${lines.join("\n")}\n`;
}

export function escapeHtml(value: string | number): string {
  return String(value).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

function htmlReport(data: ReportData): string {
  const { summary } = data;
  const body = sections(data)
    .map((section) => {
      const table =
        section.table && section.table.rows.length > 0
          ? `<table><thead><tr>${section.table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr></thead><tbody>${section.table.rows
              .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`)
              .join("")}</tbody></table>`
          : "";
      return `<section><h2>${escapeHtml(section.title)}</h2><p>${escapeHtml(section.intro)}</p>${table}</section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Run report: ${escapeHtml(summary.spec.title)}</title>
<style>body{font:14px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #d5dae1;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#f2f4f7}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}</style></head>
<body><h1>Run report: ${escapeHtml(summary.spec.title)}</h1>
<p>${escapeHtml(runLine(summary))}</p>
${body}
</body></html>
`;
}
