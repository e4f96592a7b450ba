// What a test reads of a run folder's staging.sqlite beyond the store's named queries: the database opened
// read-only, apart from the StagingStore, so the runtime's SQL stays inside runtime/stage/store.ts.
import Database from "better-sqlite3";
import { join } from "node:path";

export function stagingRows<T>(runDir: string, sql: string, ...params: unknown[]): T[] {
  const db = new Database(join(runDir, "staging.sqlite"), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
