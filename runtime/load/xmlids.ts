// External ids asked of Odoo: standard records (`mail.mt_note`), records the spec declares, records of a run.
import type { OdooTransport } from "./transport.js";

const CHUNK = 500;

/** External ids of any modules, a few hundred names a call: one domain ORs the modules together. */
export async function fetchXmlids(odoo: OdooTransport, xmlids: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (let start = 0; start < xmlids.length; start += CHUNK) {
    const byModule = new Map<string, string[]>();
    for (const xmlid of xmlids.slice(start, start + CHUNK)) {
      const dot = xmlid.indexOf(".");
      const names = byModule.get(xmlid.slice(0, dot)) ?? [];
      names.push(xmlid.slice(dot + 1));
      byModule.set(xmlid.slice(0, dot), names);
    }
    const conditions = [...byModule].map(([module, names]) => ["&", ["module", "=", module], ["name", "in", names]]);
    const domain = [...Array<string>(conditions.length - 1).fill("|"), ...conditions.flat()];
    const rows = await odoo.executeKw<Array<{ module: string; name: string; res_id: number }>>(
      "ir.model.data",
      "search_read",
      [domain],
      {
        fields: ["module", "name", "res_id"],
      },
    );
    for (const row of rows) found.set(`${row.module}.${row.name}`, row.res_id);
  }
  return found;
}
