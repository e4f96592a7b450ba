// Replays every case of catalogs/odoo/17.0/rpc-transcripts.json (real requests to a real Odoo 17 and its
// answers) against the Odoo test server through odoo-await, in order, and checks the same result or the same
// fault. Record ids differ from the real database's, so ids from earlier answers are translated.

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import Odoo from "odoo-await";
import type { OdooTestServer } from "../odoo-server/index.js";
import { call, clientWithUid, faultOf, lastLine, rawCall, useOdooTestServer } from "./helpers.js";

interface TranscriptCase {
  case: string;
  model?: string;
  method?: string;
  args?: unknown[];
  kwargs?: Record<string, unknown>;
  result?: unknown;
  faultCode?: number;
  faultString_head?: string;
  faultString_tail?: string;
}

const transcripts = JSON.parse(
  readFileSync(new URL("../../catalogs/odoo/17.0/rpc-transcripts.json", import.meta.url), "utf8"),
) as TranscriptCase[];

/** transcript id → test-server id, per model */
const idMap = new Map<string, number>();
const mapId = (model: string, id: unknown): unknown =>
  typeof id === "number" ? (idMap.get(`${model}:${id}`) ?? id) : id;
const remember = (model: string, theirs: unknown, ours: unknown): void => {
  if (typeof theirs === "number" && typeof ours === "number") idMap.set(`${model}:${theirs}`, ours);
  if (Array.isArray(theirs) && Array.isArray(ours)) theirs.forEach((t, i) => remember(model, t, ours[i]));
};

/** The case's args with transcript ids replaced (ids lists of unlink/read/write). */
function translateArgs(c: TranscriptCase): unknown[] {
  const args = structuredClone(c.args ?? []);
  if (c.model && ["unlink", "read", "write"].includes(c.method ?? "") && Array.isArray(args[0])) {
    args[0] = args[0].map((id) => mapId(c.model ?? "", id));
  }
  return args;
}

/** A fault text with transcript ids replaced: "res.partner(50,)" → "res.partner(7,)". */
function translateText(text: string): string {
  return text.replace(
    /([a-z_.]+)\((\d+),\)/g,
    (_m, model: string, id: string) => `${model}(${String(mapId(model, Number(id)))},)`,
  );
}

const ODOO_DATETIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

describe("Odoo test server replays rpc-transcripts.json", () => {
  let server: OdooTestServer;
  let odoo: Odoo;
  useOdooTestServer((started, client) => {
    server = started;
    odoo = client;
  });

  it("has the cases this file knows how to replay", () => {
    expect(transcripts.map((c) => c.case)).toEqual([
      "create crm.lead without required name",
      "create crm.lead with bad selection",
      "create crm.lead with unknown field",
      "create crm.lead with dangling many2one",
      "create company partner with parent",
      "batch create one bad record",
      "batch create ok",
      "unlink ok",
      "unlink already deleted",
      "read deleted",
      "write deleted",
      "unknown model",
      "unknown method",
      "mail.message with original date",
      "read back message date",
      "load with external ids",
      "load with bad row",
      "load into mail.message",
      "authenticate wrong password",
      "execute_kw wrong password",
      "version",
    ]);
  });

  for (const c of transcripts) {
    it(c.case, async () => {
      if (c.case === "authenticate wrong password") {
        expect(await rawCall(server, "common", "authenticate", [server.db, "admin", "wrong", {}])).toBe(c.result);
        return;
      }
      if (c.case === "execute_kw wrong password") {
        const intruder = clientWithUid(server, { password: "wrong", uid: 2 });
        const fault = await faultOf(intruder.execute_kw("res.partner", "search", [[[]]]));
        expect(fault.faultCode).toBe(c.faultCode);
        expect(lastLine(fault.faultString)).toBe(c.faultString_tail);
        return;
      }
      if (c.case === "version") {
        expect(await rawCall(server, "common", "version", [])).toEqual(c.result);
        return;
      }

      const model = c.model ?? "";
      const method = c.method ?? "";
      const promise = call(odoo, model, method, translateArgs(c), c.kwargs ?? {});

      if (c.faultCode !== undefined) {
        const fault = await faultOf(promise);
        expect(fault.faultCode).toBe(c.faultCode);
        expect(lastLine(fault.faultString)).toBe(translateText(c.faultString_tail ?? ""));
        if (c.faultCode === 1) expect(fault.faultString.startsWith("Traceback (most recent call last):\n")).toBe(true);
        else expect(fault.faultString).toBe(translateText(c.faultString_head ?? ""));
        return;
      }

      const result = await promise;
      switch (method) {
        case "create":
          // ids are the database's own: same shape, and remembered for the cases that use them
          if (Array.isArray(c.result)) {
            expect(
              Array.isArray(result) &&
                result.length === c.result.length &&
                result.every((id) => typeof id === "number"),
            ).toBe(true);
          } else expect(typeof result).toBe("number");
          remember(model, c.result, result);
          break;
        case "load": {
          const expected = c.result as { ids: number[] | false; messages: unknown[]; nextrow: number };
          const actual = result as { ids: number[] | false; messages: unknown[]; nextrow: number };
          if (expected.ids === false) expect(actual).toEqual(expected);
          else {
            expect(actual.messages).toEqual(expected.messages);
            expect(actual.nextrow).toBe(expected.nextrow);
            expect(Array.isArray(actual.ids) && actual.ids.length === expected.ids.length).toBe(true);
            remember(model, expected.ids, actual.ids);
          }
          break;
        }
        case "read": {
          const expected = c.result as Array<Record<string, unknown>>;
          const actual = result as Array<Record<string, unknown>>;
          expect(actual.length).toBe(expected.length);
          expected.forEach((row, i) => {
            const ours = actual[i] ?? {};
            expect(Object.keys(ours).sort()).toEqual(Object.keys(row).sort());
            for (const [key, value] of Object.entries(row)) {
              if (key === "id") expect(ours.id).toBe(mapId(model, value));
              else if (key === "create_date" || key === "write_date") expect(ours[key]).toMatch(ODOO_DATETIME);
              else expect(ours[key]).toEqual(value);
            }
          });
          break;
        }
        default:
          expect(result).toEqual(c.result);
      }
    });
  }

  it("left the records the transcripts describe", async () => {
    // the company partner with a parent landed; the batch with a bad record did not; load linked its records
    const names = server.records("res.partner").map((p) => p.name);
    expect(names).toContain("Co");
    expect(names).not.toContain("ok1");
    expect(names).not.toContain("Probe 3"); // its load had a bad row: nothing saved
    const person = server.records("res.partner").find((p) => p.name === "Probe Person");
    const company = server.records("res.partner").find((p) => p.name === "Probe Co");
    expect(person?.parent_id).toBe(company?.id);
    const xmlids = server
      .records("ir.model.data")
      .filter((d) => d.module === "probe")
      .map((d) => [d.name, d.res_id]);
    expect(xmlids).toEqual([
      ["co1", company?.id],
      ["p1", person?.id],
    ]);
    const message = server.records("mail.message").find((m) => m.body === "<p>hi</p>");
    expect(message?.date).toBe("2019-03-04 05:06:07");
  });
});
