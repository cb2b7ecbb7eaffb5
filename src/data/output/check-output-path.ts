import { randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import { open, rm, stat } from "node:fs/promises";
import path from "node:path";
import { DataError } from "../data-error.js";
import { makeFolder } from "./make-folder.js";

/** What an output path names: one file (`--out summary.csv`) or a folder of files (`crm report --out DIR`). */
export type OutputKind = "file" | "folder";

/** Options of {@link checkOutputPath}. */
export interface OutputPathOptions {
  /** A file or a folder (default `"file"`). */
  readonly kind?: OutputKind;
  /** The input files of the run: the output must not be one of them. */
  readonly inputs?: readonly (string | undefined)[];
  /** Who is asking, for messages (default `"checkOutputPath"`), e.g. `crm summary`. */
  readonly who?: string;
  /** The flag that named the path, for messages (default `"--out"`). */
  readonly flag?: string;
}

const statOrNull = (p: string): Promise<Stats | null> => stat(p).catch(() => null);

/**
 * Checks an output path before any work is done, so that a run never computes for minutes and
 * then fails to write, or overwrites its own input: the path is not one of the input files; a
 * file is not an existing folder or device, a folder is not an existing file; the folder that
 * will hold the output exists or is made now (see {@link makeFolder}) and accepts a new file (a
 * probe file is created and removed). Every failure is one line that names the flag and the path.
 *
 * @param out - the output path as given
 * @param options - file or folder, the inputs, who asks, the flag
 * @returns the absolute path
 * @throws DataError naming the flag, the path and what to do
 * @example
 * await checkOutputPath("out/summary.csv", { inputs: ["tx.csv"], who: "crm summary" }); // "/abs/out/summary.csv"
 * await checkOutputPath("tx.csv", { inputs: ["tx.csv"], who: "crm summary" });
 * // DataError: crm summary: --out "tx.csv" is the input file; write the output to another file
 */
export async function checkOutputPath(out: string, options: OutputPathOptions = {}): Promise<string> {
  const kind = options.kind ?? "file";
  const who = `${options.who ?? "checkOutputPath"}: ${options.flag ?? "--out"} "${out}"`;
  if (out.trim() === "") throw new DataError(`${who} is blank; name a ${kind}`);
  const target = path.resolve(out);
  const found = await statOrNull(target);
  for (const input of options.inputs ?? []) {
    if (input === undefined) continue;
    const same = path.resolve(input) === target || (found !== null && (await sameFile(found, input)));
    if (same) throw new DataError(`${who} is the input file; write the output to another ${kind}`);
  }
  if (kind === "file" && found !== null && found.isDirectory()) throw new DataError(`${who} is a folder; name a file`);
  if (kind === "file" && found !== null && !found.isFile()) throw new DataError(`${who} is not a regular file; name a file`);
  if (kind === "folder" && found !== null && !found.isDirectory()) throw new DataError(`${who} is a file; name a folder`);
  const folder = await makeFolder(kind === "file" ? path.dirname(target) : target, who);
  const probe = path.join(folder, `.crm-probe.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await (await open(probe, "wx")).close();
  } catch (error) {
    throw new DataError(`${who}: cannot write in folder "${folder}" (${(error as NodeJS.ErrnoException).code ?? String(error)}); choose a writable folder`);
  }
  await rm(probe, { force: true });
  return target;
}

async function sameFile(found: Stats, input: string): Promise<boolean> {
  const other = await statOrNull(input);
  return other !== null && other.dev === found.dev && other.ino === found.ino;
}
