// A migration e-mails nobody. Seen on the real Odoo 17 with only the importer's context: an activity created
// for another user queues a "… assigned to you" e-mail, and a meeting in the future an invitation to every
// guest. The Odoo test server does the same (a `user_notification` message with its recipients), so a load
// that forgot the context keys that prevent it fails here.
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileSpec } from "../../compiler/index.js";
import { PairHarness, useEndToEnd } from "../support/odoo-pair.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { server, work } = useEndToEnd("no-mail");

describe("a load", () => {
  it("e-mails no activity's assignee and no guest of a meeting to come", async () => {
    server().reset();
    const plan = compileSpec(
      readFileSync(join(root, "specs/smartdesk.mapspec"), "utf8"),
      "specs/smartdesk.mapspec",
    ).plan;
    // every owner has an Odoo user, so open tasks become activities assigned to someone other than the loader
    const exportDir = join(work, "smartdesk");
    cpSync(join(root, "examples/smartdesk"), exportDir, { recursive: true });
    const owners = JSON.parse(readFileSync(join(exportDir, "owners.json"), "utf8")) as {
      results: Array<{ email: string; firstName?: string }>;
    };
    for (const owner of owners.results)
      server().seed("res.users", { name: owner.email, login: owner.email.toLowerCase() });
    // and one meeting is still to come
    const meetings = join(exportDir, "engagements/meetings-1.json");
    writeFileSync(meetings, readFileSync(meetings, "utf8").replaceAll("2022-03-01T", "2031-03-01T"));

    const pair = new PairHarness(server, plan, exportDir);
    const runDir = join(work, "run");
    await pair.prepareSchema(runDir);
    await pair.run(runDir);

    const admin = 2;
    expect(
      server()
        .records("mail.activity")
        .some((a) => typeof a["user_id"] === "number" && a["user_id"] !== admin),
    ).toBe(true);
    expect(
      server()
        .records("calendar.event")
        .some((e) => String(e["start"]) > "2031"),
    ).toBe(true);
    expect(
      server()
        .records("mail.message")
        .filter((m) => m["message_type"] === "user_notification"),
    ).toEqual([]);
  });
});
