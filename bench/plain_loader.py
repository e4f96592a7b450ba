#!/usr/bin/env python3
"""The load a consultant writes by hand, for mapc's live-load ratio (bench/live-load.ts).

Reads what `mapc run` staged (RUNDIR/staging.sqlite and plan.json), and creates every record in Odoo with
batched `create` calls of 500 and Odoo's importer context, map by map in the plan's load order: references
to records it created are resolved from its own dict, other external ids and lookups with one search each
(cached), second-pass fields with one `write` per record. It checks nothing and keeps no journal: no
existence checks, no comparison with Odoo, no isolation of a bad record, no external ids.

usage: plain_loader.py RUNDIR URL DB USER PASSWORD
"""
import base64
import json
import sqlite3
import sys
import time
import xmlrpc.client

CONTEXT = {"tz": "UTC", "tracking_disable": True, "mail_create_nolog": True, "mail_create_nosubscribe": True, "mail_notrack": True}
BATCH = 500


def main(run_dir, url, db, user, password):
    started = time.perf_counter()
    common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common", allow_none=True)
    uid = common.authenticate(db, user, password, {})
    rpc = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)
    calls = [0]
    # seconds spent in `create` calls: the records every loader must write, so the floor of any loader's time
    create_seconds = [0.0]

    def call(model, method, args, kwargs=None):
        calls[0] += 1
        began = time.perf_counter()
        try:
            return rpc.execute_kw(db, uid, password, model, method, args, kwargs or {})
        finally:
            if method == "create":
                create_seconds[0] += time.perf_counter() - began

    plan = json.load(open(f"{run_dir}/plan.json"))
    store = sqlite3.connect(f"{run_dir}/staging.sqlite")
    export_dir = store.execute("SELECT value FROM meta WHERE key = 'exportDir'").fetchone()[0]
    installed = {m["name"] for m in call("ir.module.module", "search_read", [[["state", "=", "installed"]]], {"fields": ["name"]})}
    lookups = {l["name"]: l for l in plan["lookups"]}
    created = {}
    foreign = {}
    answers = {}

    def xmlid(name):
        if name in created:
            return created[name]
        if name not in foreign:
            module, _, rest = name.partition(".")
            rows = call("ir.model.data", "search_read", [[["module", "=", module], ["name", "=", rest]]], {"fields": ["res_id"]})
            foreign[name] = rows[0]["res_id"] if rows else False
        return foreign[name]

    def lookup(name, key):
        if (name, key) not in answers:
            take = None
            if name == "ir.model":
                model, field = "ir.model", "model"
            else:
                spec = lookups[name]
                # an Odoo lookup searches its target model; with `take` it yields the record that many2one names
                model, field = spec["target"], spec["key"]["name"] if spec["key"]["kind"] == "field" else "name"
                take = spec.get("take")
            rows = call(model, "search_read", [[[field, "=ilike", key]]], {"fields": [take or "id"], "limit": 1})
            found = (rows[0][take] or [False])[0] if rows and take else rows[0]["id"] if rows else False
            answers[(name, key)] = found
        return answers[(name, key)]

    def value(v):
        if isinstance(v, list):
            return [(6, 0, [i for i in (value(x) for x in v) if i])]
        if isinstance(v, dict):
            if "xmlid" in v:
                return xmlid(v["xmlid"])
            if "lookup" in v:
                return lookup(v["lookup"]["name"], v["lookup"]["key"])
            if "file" in v:
                return base64.b64encode(open(f"{export_dir}/{v['file']}", "rb").read()).decode()
            return False
        return False if v is None else v

    def active(mapping):
        guard = mapping.get("guard")
        return not guard or (guard["kind"] == "requires") == (guard["module"] in installed)

    maps = {m["id"]: m for m in plan["mappings"]}
    placeholders = [r[0] for r in store.execute("SELECT DISTINCT mapping FROM records WHERE placeholder = 1 AND status = 'staged'")]
    records = 0
    for phase in placeholders + [p for p in plan["loadOrder"]["phases"] if active(maps[p])]:
        rows = store.execute("SELECT external_id, model, values_json, deferred_json FROM records WHERE mapping = ? AND status = 'staged' ORDER BY rowid", (phase,)).fetchall()
        if not rows:
            continue
        model = rows[0][1]
        many2many = {name for name, f in call(model, "fields_get", [], {"attributes": ["type"]}).items() if f["type"] == "many2many"}

        def vals_of(staged):
            # empty values and references that found nothing are left out, so Odoo's defaults apply, as a
            # hand-written script would
            vals = {}
            for k, v in staged.items():
                resolved = value(v)
                if v is None or (isinstance(v, dict) and resolved is False):
                    continue
                vals[k] = [(6, 0, [resolved])] if k in many2many and not isinstance(v, list) else resolved
            return vals

        ready = [(ext, vals_of(json.loads(values)), json.loads(deferred)) for ext, _, values, deferred in rows
                 if not any(isinstance(v, dict) and "link" in v for v in json.loads(values).values())]
        for start in range(0, len(ready), BATCH):
            batch = ready[start:start + BATCH]
            ids = call(model, "create", [[vals for _, vals, _ in batch]], {"context": CONTEXT})
            for (ext, _, _), new_id in zip(batch, ids if isinstance(ids, list) else [ids]):
                created[ext] = new_id
            records += len(batch)
        for ext, _, deferred in ready:
            if deferred:
                call(model, "write", [[created[ext]], vals_of(deferred)], {"context": CONTEXT})
    print(json.dumps({"records": records, "calls": calls[0], "seconds": round(time.perf_counter() - started, 3),
                      "createSeconds": round(create_seconds[0], 3)}))


if __name__ == "__main__":
    main(*sys.argv[1:6])
