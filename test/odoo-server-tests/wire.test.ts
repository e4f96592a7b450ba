// The XML-RPC wire of the Odoo test server, as odoo-await's client (the `xmlrpc` package) sees it: nil, dates,
// base64, nested structs, large integers, markup and non-ASCII text, the legacy `execute` entry point.

import { describe, expect, it } from "vitest";
import { request } from "node:http";
import Odoo from "odoo-await";
import type { OdooTestServer } from "../odoo-server/index.js";
import { call, faultOf, lastLine, rawCall, useOdooTestServer } from "./helpers.js";

let server: OdooTestServer;
let odoo: Odoo;

useOdooTestServer((started, client) => {
  server = started;
  odoo = client;
});

function post(
  path: string,
  body: string,
  method = "POST",
): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: server.port, path, method, headers: { "Content-Type": "text/xml" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString("utf8"),
            type: res.headers["content-type"],
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("the XML-RPC wire", () => {
  it("round-trips markup, non-ASCII text, nil as false and large integers", async () => {
    const body = "<p>Tom & Jerry ]]> <b>café</b> – 東京 😀</p>";
    const id = await call<number>(odoo, "mail.message", "create", [
      { model: "res.partner", res_id: 3, body, subject: null, email_from: "«Zoë» <zoe@example.com>" },
    ]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "mail.message", "read", [
      [id],
      ["body", "subject", "email_from"],
    ]);
    expect(row).toEqual({ id, body, subject: false, email_from: "«Zoë» <zoe@example.com>" });
    const big = await faultOf(call(odoo, "res.partner", "create", [{ name: "x", country_id: 2 ** 40 }]));
    expect(lastLine(big.faultString)).toBe("Constraint: res_partner_country_id_fkey");
  });

  it("answers a float field as <double> and a many2one as an array", async () => {
    const lead = await call<number>(odoo, "crm.lead", "create", [
      { name: "x", type: "opportunity", expected_revenue: 12 },
    ]);
    const payload =
      `<?xml version="1.0"?><methodCall><methodName>execute_kw</methodName><params>` +
      `<param><value><string>${server.db}</string></value></param><param><value><int>2</int></value></param>` +
      `<param><value><string>admin</string></value></param><param><value><string>crm.lead</string></value></param>` +
      `<param><value><string>read</string></value></param>` +
      `<param><value><array><data><value><array><data><value><int>${lead}</int></value></data></array></value>` +
      `<value><array><data><value>expected_revenue</value><value>stage_id</value></data></array></value></data></array></value></param>` +
      `</params></methodCall>`;
    const answer = await post("/xmlrpc/2/object", payload);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe("text/xml; charset=utf-8");
    expect(answer.body).toContain("<name>expected_revenue</name><value><double>12.0</double></value>");
    expect(answer.body).toMatch(
      /<name>stage_id<\/name><value><array><data><value><int>\d+<\/int><\/value><value><string>New<\/string><\/value><\/data><\/array><\/value>/,
    );
  });

  it("refuses a JavaScript Date in a datetime field, as Odoo refuses an XML-RPC DateTime", async () => {
    const fault = await faultOf(
      odoo.execute_kw("mail.message", "create", [
        [{ model: "res.partner", res_id: 3, body: "x", date: new Date("2019-03-04T05:06:07Z") }],
        {},
      ]),
    );
    expect(lastLine(fault.faultString)).toBe("TypeError: object of type 'DateTime' has no len()");
  });

  it("stores base64 values sent as <base64> in binary fields", async () => {
    const id = await call<number>(odoo, "ir.attachment", "create", [{ name: "b.bin", datas: "AAEC" }]);
    // a Buffer travels as <base64>: odoo-await's client encodes it so
    await odoo.execute_kw("ir.attachment", "write", [[[id], { datas: Buffer.from([1, 2, 3]) }], {}]);
    const [row] = await call<Array<Record<string, unknown>>>(odoo, "ir.attachment", "read", [
      [id],
      ["datas", "file_size"],
    ]);
    expect(row).toEqual({ id, datas: Buffer.from([1, 2, 3]).toString("base64"), file_size: 3 });
  });

  it("serves the legacy execute entry point and the db service", async () => {
    expect(
      await rawCall(server, "object", "execute", [
        server.db,
        2,
        "admin",
        "res.country",
        "search_count",
        [["code", "=", "FR"]],
      ]),
    ).toBe(1);
    expect(await rawCall(server, "db", "server_version", [])).toBe("17.0-20240709");
  });

  it("answers a malformed body with a fault, an unknown path with 404 and GET with 405", async () => {
    const broken = await post("/xmlrpc/2/object", "<methodCall><methodName>execute_kw</methodName><params>");
    expect(broken.status).toBe(200);
    expect(broken.body).toContain("<name>faultCode</name><value><int>1</int></value>");
    expect((await post("/web/session/authenticate", "{}")).status).toBe(404);
    expect((await post("/xmlrpc/2/common", "", "GET")).status).toBe(405);
  });
});
