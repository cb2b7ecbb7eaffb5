import { stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { DataError } from "../data-error.js";

/**
 * The largest input file the in-memory readers take (csv, tsv, whitespace, json, jsonl, xlsx):
 * 512 MB (512,000,000 bytes), below the longest string JavaScript can hold. Bigger exports are
 * best split by period.
 */
export const MAX_INPUT_BYTES = 512_000_000;

/**
 * Checks, before any byte is read, that a path names a regular file that can be read whole:
 * it exists, it is not a folder, a device (`/dev/zero`), a pipe (FIFO) or a socket, and it is
 * at most `maxBytes` long. Devices and pipes are refused because they may never end.
 *
 * @param file - the path as the user gave it
 * @param fn - the public function named in messages
 * @param maxBytes - the size limit in bytes (default {@link MAX_INPUT_BYTES}; `Infinity` for none)
 * @returns the file's size in bytes
 * @throws DataError with one line naming the file: `fn: file "x.csv" not found; check the path`,
 *   `fn: "data" is a folder, not a file`, `fn: "/dev/zero" is not a regular file (a device); give a file`,
 *   `fn: file "big.csv" is 600,000,000 bytes, over the 512,000,000-byte limit of the in-memory readers; split it (e.g. by year)`
 * @example
 * await checkInputFile("tx.csv", "loadTransactionsFile"); // 1234
 */
export async function checkInputFile(file: string, fn: string, maxBytes: number = MAX_INPUT_BYTES): Promise<number> {
  let s: Stats;
  try {
    s = await stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new DataError(`${fn}: file "${file}" not found; check the path`);
    if (code === "EACCES" || code === "EPERM") throw new DataError(`${fn}: file "${file}" cannot be read (permission denied)`);
    throw new DataError(`${fn}: file "${file}" cannot be read (${code ?? (e as Error).message.split("\n")[0]})`);
  }
  if (s.isDirectory()) throw new DataError(`${fn}: "${file}" is a folder, not a file`);
  if (!s.isFile()) throw new DataError(`${fn}: "${file}" is not a regular file (${kindOf(s)}); give a file`);
  if (s.size > maxBytes) {
    throw new DataError(
      `${fn}: file "${file}" is ${s.size.toLocaleString("en-US")} bytes, over the ${maxBytes.toLocaleString("en-US")}-byte limit of the in-memory readers; split it (e.g. by year)`,
    );
  }
  return s.size;
}

function kindOf(s: Stats): string {
  if (s.isFIFO()) return "a pipe";
  if (s.isCharacterDevice() || s.isBlockDevice()) return "a device";
  if (s.isSocket()) return "a socket";
  return "not a file";
}
