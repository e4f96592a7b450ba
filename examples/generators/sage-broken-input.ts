// Broken input for a Sage CRM export: edits that turn a copy of the sample (seed 1, scale 1, no variant) into an
// export a migration must refuse, with the file, row and column named. None of them is in the sample, which must
// load cleanly; a broken-input test copies examples/sage/ and applies one:
//
//   await SAGE_BROKEN_INPUTS.find((b) => b.key === "library-path-escape")!.apply(copy);
//
// What leaves the export (a path out of Library\, a symlink) points at SECRET_FILE beside the copy, which
// apply writes: a migration must never read it.
import { readFile, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { communication, libraryDiskPath, libraryFile, note } from "./sage-communications.js";
import { encodeWindows1252, sageDateTime, UNDEFINED_WINDOWS_1252 } from "./sage-format.js";
import { AT } from "./sage-layout.js";
import { SageModel } from "./sage-model.js";

/** The file beside the export that broken paths lead to, and what it holds. */
export const SECRET_FILE = "secret.txt";
export const SECRET_TEXT = "not the customer's to migrate";

export interface BrokenInput {
  key: string;
  /** The file it breaks, as the sample names it. */
  file: string;
  /** The id of the row it breaks. */
  id: string;
  /** The column it breaks. */
  column: string;
  description: string;
  /** Breaks the copy of the sample in `dir`; writes SECRET_FILE beside it where the break leads out. */
  apply(dir: string): Promise<void>;
}

const sample = () => new SageModel(1, 1);

/** Replaces the first `from` after the start of row `id` (a line starting `<id>,`) of a Windows-1252 table. */
async function replaceInRow(path: string, id: number, from: string, to: Buffer): Promise<void> {
  const bytes = await readFile(path);
  const rowStart = bytes.indexOf(`\r\n${id},`, 0, "latin1");
  const old = encodeWindows1252(from);
  const at = bytes.indexOf(old, rowStart);
  if (rowStart < 0 || at < 0) throw new Error(`${path}: no "${from}" in row ${id}; is this the sample?`);
  await writeFile(path, Buffer.concat([bytes.subarray(0, at), to, bytes.subarray(at + old.length)]));
}

const writeSecret = (dir: string) => writeFile(join(dirname(dir), SECRET_FILE), SECRET_TEXT);

export const SAGE_BROKEN_INPUTS: readonly BrokenInput[] = [
  {
    key: "impossible-date",
    file: "Opportunity.csv",
    id: "1",
    column: "Oppo_TargetClose",
    description: "`2023-02-30 00:00:00.000`: February has no 30th.",
    apply: async (dir) => {
      const target = sageDateTime(sample().opportunity(0).targetClose);
      await replaceInRow(join(dir, "Opportunity.csv"), 1, target, encodeWindows1252("2023-02-30 00:00:00.000"));
    },
  },
  {
    key: "skipped-hour-time",
    file: "Communication.csv",
    id: String(AT.communication.skippedHour[0] + 1),
    column: "Comm_DateTime",
    description:
      "`2024-03-31 01:30:00.000`: a London time that never happened (the clocks went from 01:00 GMT to 02:00 BST).",
    apply: async (dir) => {
      const position = AT.communication.skippedHour[0];
      const start = sageDateTime(communication(sample(), position).start);
      await replaceInRow(
        join(dir, "Communication.csv"),
        position + 1,
        start,
        encodeWindows1252("2024-03-31 01:30:00.000"),
      );
    },
  },
  {
    key: "undecodable-byte",
    file: "Notes.csv",
    id: "1",
    column: "Note_Note",
    description: `Byte 0x${UNDEFINED_WINDOWS_1252[0]!.toString(16).toUpperCase()} in the note: one of the five bytes Windows-1252 does not define.`,
    apply: async (dir) => {
      const body = note(sample(), 0).body;
      const word = body.split(" ")[0]!;
      await replaceInRow(
        join(dir, "Notes.csv"),
        1,
        word,
        Buffer.concat([encodeWindows1252(word), Buffer.from([UNDEFINED_WINDOWS_1252[0]!])]),
      );
    },
  },
  {
    key: "library-path-escape",
    file: "Library.csv",
    id: "1",
    column: "Libr_FilePath",
    description: `\`Libr_FilePath\` \`..\\..\\\` and \`Libr_FileName\` \`${SECRET_FILE}\`: Library\\ + that path leaves the export.`,
    apply: async (dir) => {
      const file = libraryFile(sample(), 0);
      await replaceInRow(
        join(dir, "Library.csv"),
        1,
        `${file.fileName},${file.filePath}`,
        encodeWindows1252(`${SECRET_FILE},..\\..\\`),
      );
      await writeSecret(dir);
    },
  },
  {
    key: "library-symlink",
    file: "Library.csv",
    id: "2",
    column: "Libr_FileName",
    description: `The file of Library row 2 is a symlink to ${SECRET_FILE}, outside the export.`,
    apply: async (dir) => {
      const path = join(dir, libraryDiskPath(libraryFile(sample(), 1)));
      await rm(path);
      await writeSecret(dir);
      await symlink(join(dirname(dir), SECRET_FILE), path);
    },
  },
];
