import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  CatalogNotFoundError,
  availableCatalogVersions,
  catalogDirectory,
  closestNames,
  loadCatalog,
  packageRoot,
} from "../../compiler/catalog/index.js";

const versions = availableCatalogVersions();

describe("catalog versions", () => {
  it("lists every folder with an index.json, oldest first", () => {
    expect(versions).toEqual(["16.0", "17.0", "18.0"]);
  });

  it("finds the package root from the sources", () => {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { name: string };
    expect(manifest.name).toBe("mapc");
  });

  it("refuses an unknown version, naming the ones that exist", () => {
    expect(() => loadCatalog("15.0")).toThrow(CatalogNotFoundError);
    expect(() => loadCatalog("15.0")).toThrow(/16\.0, 17\.0, 18\.0/);
    expect(() => loadCatalog("../17.0")).toThrow(CatalogNotFoundError);
  });

  it("loads a version once", () => {
    expect(loadCatalog("17.0")).toBe(loadCatalog("17.0"));
  });
});

describe("the 17.0 catalog", () => {
  const catalog = loadCatalog("17.0");

  it("says which server it was read off", () => {
    expect(catalog.version).toBe("17.0");
    expect(catalog.serverVersion).toBe("17.0-20240709");
    expect(catalog.hasModel("crm.lead")).toBe(true);
    expect(catalog.hasModel("helpdesk.ticket")).toBe(false);
    expect(catalog.models.get("crm.lead")?.label).toBe("Lead/Opportunity");
    expect(catalog.models.get("crm.lead")?.modules).toContain("crm");
  });

  it("has crm.lead.expected_revenue and no planned_revenue", () => {
    expect(catalog.field("crm.lead", "expected_revenue")).toMatchObject({
      name: "expected_revenue",
      type: "monetary",
      write: "ok",
    });
    expect(catalog.field("crm.lead", "planned_revenue")).toBeUndefined();
  });

  it("keeps the write verdict, selections and relations", () => {
    expect(catalog.field("crm.lead", "probability")?.write).toBe("volatile");
    expect(catalog.field("crm.lead", "type")?.selection).toEqual([
      ["lead", "Lead"],
      ["opportunity", "Opportunity"],
    ]);
    expect(catalog.field("crm.lead", "partner_id")).toMatchObject({
      type: "many2one",
      relation: "res.partner",
      related: null,
    });
    expect(catalog.field("crm.lead", "activity_ids")).toMatchObject({
      type: "one2many",
      relation: "mail.activity",
      relationField: "res_id",
    });
    expect(catalog.field("crm.lead", "activity_summary")?.related).toBe("activity_ids.summary");
  });

  it("knows helpdesk.ticket is missing and what to load instead", () => {
    const helpdesk = catalog.knownMissing.get("helpdesk.ticket");
    expect(helpdesk?.module).toBe("helpdesk");
    expect(helpdesk?.reason).toMatch(/Enterprise/);
    expect(helpdesk?.fallbacks.map((f) => f.model)).toEqual(["crm.lead", "project.task"]);
    expect(catalog.knownMissing.get("note.note")?.module).toBeNull();
    expect(catalog.knownMissing.has("res.partner.title")).toBe(false);
  });

  it("tells planned_revenue is now expected_revenue, which edit distance alone gets wrong", () => {
    const renamed = catalog.renamedFields.find((r) => r.model === "crm.lead" && r.field === "planned_revenue");
    expect(renamed).toMatchObject({ replacement: "expected_revenue", since: "14.0" });
    expect(renamed?.note).toMatch(/^was renamed in Odoo 14\.0/);
    // spelling alone leads with the computed prorated_revenue: the renamed table must be consulted first
    expect(closestNames("planned_revenue", catalog.models.get("crm.lead")!.fields.keys())[0]).toBe("prorated_revenue");
  });

  it("finds standard records by external id", () => {
    const found = catalog.findXmlid("crm.stage_lead1");
    expect(found?.model).toBe("crm.stage");
    expect(found?.record).toMatchObject({ xmlid: "crm.stage_lead1", name: "New" });
    expect(catalog.findXmlid("mail.mail_activity_data_call")?.model).toBe("mail.activity.type");
    expect(catalog.findXmlid("crm.no_such_stage")).toBeUndefined();
    expect(catalog.referenceData.get("crm.stage")).toHaveLength(4);
  });

  it("marks the required fields Odoo fills itself", () => {
    expect(catalog.field("res.partner", "property_account_payable_id")?.serverDefault).toMatch(/company-dependent/);
    expect(catalog.field("crm.lead", "type")?.serverDefault).toMatch(/^default 'lead'/);
    expect(catalog.field("mail.activity", "date_deadline")?.serverDefault).toMatch(/^default today/);
    for (const [model, field] of [
      ["mail.activity", "res_model_id"],
      ["calendar.attendee", "event_id"],
      ["crm.lead", "name"],
    ] as const) {
      const info = catalog.field(model, field);
      expect(info?.required, `${model}.${field}`).toBe(true);
      expect(info?.serverDefault, `${model}.${field}`).toBeUndefined();
    }
  });

  it("is frozen, because every check shares it", () => {
    const field = catalog.field("crm.lead", "type")!;
    expect(Object.isFrozen(field)).toBe(true);
    expect(Object.isFrozen(field.selection)).toBe(true);
    expect(Object.isFrozen(catalog.renamedFields)).toBe(true);
  });
});

describe("differences between versions", () => {
  it("drops product.template.detailed_type in 18.0, and hints only there", () => {
    const hint = (v: string) => loadCatalog(v).renamedFields.some((r) => r.field === "detailed_type");
    expect(loadCatalog("17.0").field("product.template", "detailed_type")).toBeDefined();
    expect(loadCatalog("18.0").field("product.template", "detailed_type")).toBeUndefined();
    expect([hint("17.0"), hint("18.0")]).toEqual([false, true]);
  });

  it("has project.task.state from 17.0 and kanban_state before", () => {
    expect(loadCatalog("16.0").field("project.task", "kanban_state")).toBeDefined();
    expect(loadCatalog("17.0").field("project.task", "kanban_state")).toBeUndefined();
    expect(loadCatalog("17.0").field("project.task", "state")?.serverDefault).toMatch(/01_in_progress/);
  });
});

describe.each(versions)("catalog data %s", (version) => {
  const catalog = loadCatalog(version);

  it("gives each renamed field a replacement that exists from `since` on", () => {
    const known = JSON.parse(readFileSync(join(catalogDirectory(), "known-models.json"), "utf8")) as {
      renamedFields: Array<{ model: string; field: string; replacement: string | null; since: string }>;
    };
    for (const r of known.renamedFields) {
      if (r.since.localeCompare(version, "en", { numeric: true }) > 0) continue;
      const where = `${r.model}.${r.field} in ${version}`;
      expect(catalog.field(r.model, r.field), where).toBeUndefined();
      if (r.replacement) expect(catalog.field(r.model, r.replacement), where).toBeDefined();
      expect(
        catalog.renamedFields.some((x) => x.model === r.model && x.field === r.field),
        where,
      ).toBe(true);
    }
  });

  it("lists every known-missing model, with fallbacks this catalog has", () => {
    expect([...catalog.knownMissing.keys()].sort()).toEqual([
      "crm.phonecall",
      "helpdesk.ticket",
      "knowledge.article",
      "note.note",
    ]);
    for (const missing of catalog.knownMissing.values()) {
      expect(missing.fallbacks.length, missing.model).toBeGreaterThan(0);
      for (const fallback of missing.fallbacks) expect(catalog.hasModel(fallback.model), fallback.model).toBe(true);
    }
  });

  it("covers every model in server-defaults.json, only on required fields", () => {
    const file = JSON.parse(readFileSync(join(catalogDirectory(), version, "server-defaults.json"), "utf8")) as {
      models: Record<string, Record<string, string>>;
    };
    expect(Object.keys(file.models).sort()).toEqual([...catalog.models.keys()].sort());
    for (const model of catalog.models.values()) {
      for (const field of model.fields.values()) {
        if (field.serverDefault !== undefined) expect(field.required, `${model.model}.${field.name}`).toBe(true);
      }
    }
    expect(catalog.field("mail.activity", "res_model_id")?.serverDefault).toBeUndefined();
  });

  it("resolves the external ids the fallbacks name", () => {
    expect(catalog.findXmlid("mail.mail_activity_data_call")?.model).toBe("mail.activity.type");
    expect(catalog.findXmlid("mail.mt_note")?.model).toBe("mail.message.subtype");
  });
});

describe("closestNames", () => {
  const lead = [...loadCatalog("17.0").models.get("crm.lead")!.fields.keys()];

  it.each([
    ["emial_from", ["email_from"]],
    ["expected_revenu", ["expected_revenue"]],
    ["partenr_id", ["partner_id"]],
    ["Partner_ID", ["partner_id"]],
    ["stage", ["stage_id"]],
    ["lost_reason", ["lost_reason_id"]],
    ["company", ["company_id", "company_currency"]],
    ["website_url", ["website"]],
    ["partner_type", ["partner_name", "partner_id"]],
  ])("suggests %s → %j on crm.lead", (name, expected) => {
    expect(closestNames(name, lead)).toEqual(expected);
  });

  it("never suggests the name itself, and stays quiet for unrelated names", () => {
    expect(closestNames("name", ["name", "names"])).toEqual(["names"]);
    expect(closestNames("customer", lead)).toEqual([]);
    expect(closestNames("x", [])).toEqual([]);
  });

  it("returns at most max names", () => {
    expect(closestNames("nme", ["name", "nmea", "ne", "nae"], 2)).toEqual(["nae", "name"]);
  });
});
