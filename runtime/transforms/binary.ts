// File contents for binary fields: inline base64, or a path the loader reads from the export folder.
import { TransformError, quote } from "./errors.js";
import { textInput } from "./values.js";

export interface Base64Content {
  base64: string;
}

export interface FileReference {
  /** relative to the export folder, with "/" separators */
  file: string;
}

// A data: URL carries its content after the comma; the media type is not Odoo's business here.
const DATA_URL = /^data:[^,]*;base64,/i;

export function base64Content(value: unknown): Base64Content {
  const body = textInput(value, "base64").trim().replace(DATA_URL, "").replace(/\s+/g, "");
  if (body.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) {
    throw new TransformError(`${quote(value)} is not base64 content`);
  }
  return { base64: body };
}

export interface FileOptions {
  /** the folder of the export the path is relative to, and must stay in (Concord's `storage/app`) */
  under?: string;
}

/**
 * Rejects absolute paths and any ".." that would climb out of the export folder, or out of the folder
 * `under` names; "a/../b" is fine.
 */
export function fileReference(value: unknown, options?: FileOptions): FileReference {
  const under = options?.under ? relativePath(options.under, options.under, "the export folder") : [];
  const written = textInput(value, "file").trim().replace(/\\/g, "/");
  if (written.startsWith("/") || /^[A-Za-z]:/.test(written) || written.includes("\0")) {
    throw new TransformError(`${quote(value)} is an absolute path; file paths must be relative to the export folder`);
  }
  const segments = relativePath(
    written,
    value,
    under.length > 0 ? `the folder ${under.join("/")}` : "the export folder",
  );
  if (segments.length === 0) throw new TransformError(`${quote(value)} names no file`);
  return { file: [...under, ...segments].join("/") };
}

/** The segments of a relative path, ".." applied; one that climbs above its start is refused. */
function relativePath(written: string, value: unknown, start: string): string[] {
  const segments: string[] = [];
  for (const segment of written.replace(/\\/g, "/").split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") segments.push(segment);
    else if (segments.pop() === undefined) throw new TransformError(`${quote(value)} leaves ${start}`);
  }
  return segments;
}
