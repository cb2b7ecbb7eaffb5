import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DataError } from "../data-error.js";
import { makeFolder } from "./make-folder.js";

/**
 * Writes a file atomically: the content goes to a temporary file in the same folder, which is
 * then renamed over the target, so a reader never sees a half-written file and a failed write
 * leaves the old file as it was. Creates the folder when needed ({@link makeFolder}: never
 * Node's recursive mkdir, which hangs where a folder cannot be made, e.g. under /proc).
 *
 * @param file - target path
 * @param content - text (UTF-8) or bytes
 * @returns the absolute path written
 * @throws DataError when the folder cannot be made or the file-system refuses the write (with its
 *   code, e.g. ENOSPC), after removing the temporary file
 * @example
 * await writeFileAtomic("reports/summary.csv", "customer_id,frequency\n"); // "/abs/reports/summary.csv"
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<string> {
  const target = path.resolve(file);
  await makeFolder(path.dirname(target), `writeFileAtomic: "${file}"`);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    // A file-system refusal (disk full, permissions, a folder of that name) is one line, exit 2.
    if (typeof code === "string") throw new DataError(`writeFileAtomic: cannot write "${file}" (${code})`);
    throw error;
  }
  return target;
}
