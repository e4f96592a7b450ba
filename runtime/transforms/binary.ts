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

/** Rejects absolute paths and any ".." that would climb out of the export folder; "a/../b" is fine. */
export function fileReference(value: unknown): FileReference {
  const written = textInput(value, "file").trim().replace(/\\/g, "/");
  if (written.startsWith("/") || /^[A-Za-z]:/.test(written) || written.includes("\0")) {
    throw new TransformError(`${quote(value)} is an absolute path; file paths must be relative to the export folder`);
  }
  const segments: string[] = [];
  for (const segment of written.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment !== "..") segments.push(segment);
    else if (segments.pop() === undefined) {
      throw new TransformError(`${quote(value)} leaves the export folder`);
    }
  }
  if (segments.length === 0) throw new TransformError(`${quote(value)} names no file`);
  return { file: segments.join("/") };
}
