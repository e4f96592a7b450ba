// A run folder's `connection.json`: the Odoo it loaded into (URL, database, user; never the password).
// Verify, rollback and a resumed load take the connection from it. A folder belongs to that one database:
// its id map and journal hold that database's ids, so a load or apply-schema into another from the same
// folder would update the wrong records, and a rollback would delete them.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { runFile } from "./files.js";

export interface FolderConnection {
  url: string;
  db: string;
  user: string;
}

export class RunFolderOfAnotherOdoo extends Error {}

/** The Odoo a run folder loaded into, if it has. */
export function loadedConnection(runDir: string): FolderConnection | undefined {
  const file = runFile(runDir, "connection");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as FolderConnection) : undefined;
}

/** Throws before anything is written when the folder loaded into another database than `connection`. */
export function refuseAnotherOdoo(runDir: string, connection: FolderConnection): void {
  const earlier = loadedConnection(runDir);
  if (!earlier || (earlier.url === connection.url && earlier.db === connection.db)) return;
  throw new RunFolderOfAnotherOdoo(
    `${runDir} loaded into ${earlier.url} (database ${earlier.db}). Its id map and journal belong to that database: ` +
      `loading ${connection.url} (database ${connection.db}) from it could update the wrong records, and a rollback could delete them. ` +
      `Give this Odoo a run folder of its own (--out), or load into ${earlier.url} --db ${earlier.db}. Nothing was written.`,
  );
}

export function writeConnection(runDir: string, connection: FolderConnection): void {
  writeFileSync(
    runFile(runDir, "connection"),
    `${JSON.stringify({ url: connection.url, db: connection.db, user: connection.user }, null, 2)}\n`,
  );
}
