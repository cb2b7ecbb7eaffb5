import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { DataError } from "../data-error.js";

/**
 * Creates a folder and its missing parents, one level at a time from the nearest folder that
 * exists, and fails with one line when a level cannot be made. It replaces Node's
 * `mkdir(dir, { recursive: true })`, which never returns (100 % CPU) when a level cannot be
 * created although its parent exists, as under `/proc` (the kernel answers ENOENT there, and
 * Node's recursive mkdir takes ENOENT as "make the parent first", forever).
 *
 * @param dir - the folder to make (relative to the working directory or absolute)
 * @param who - who is asking, for the message, e.g. `crm summary: --out "/proc/x/a.csv"`
 * @returns the absolute path of the folder, which now exists
 * @throws DataError `WHO: cannot create folder "P" (CODE); ...` when a level cannot be made, or
 *   `WHO: "P" is a file, not a folder` when a level exists as something else than a folder
 * @example
 * await makeFolder("reports/2024", "writeFileAtomic"); // "/abs/reports/2024"
 */
export async function makeFolder(dir: string, who: string): Promise<string> {
  const target = path.resolve(dir);
  const missing: string[] = [];
  let at = target;
  for (;;) {
    const found = await stat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return null;
      throw new DataError(`${who}: cannot use folder "${at}" (${error.code ?? error.message})`);
    });
    if (found !== null) {
      if (!found.isDirectory()) throw new DataError(`${who}: "${at}" is a file, not a folder`);
      break;
    }
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break; // a root that does not exist: mkdir below says why
    at = parent;
  }
  for (const level of missing.reverse()) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Made meanwhile by someone else: fine when it is a folder.
      if (code === "EEXIST" && (await stat(level)).isDirectory()) continue;
      throw new DataError(`${who}: cannot create folder "${level}" (${code ?? String(error)}); choose a place where folders can be made`);
    }
  }
  return target;
}
