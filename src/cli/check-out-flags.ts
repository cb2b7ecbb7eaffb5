import path from "node:path";
import { checkOutputPath, type OutputKind } from "../data/output/check-output-path.js";
import { stringFlag, type FlagValues } from "./parse-flags.js";
import { UsageError } from "./usage-error.js";

/** The flags that name input files in some command (`--customers` of `crm generate` is a count: it passes its own list). */
const INPUT_FILE_FLAGS = ["input", "mapping", "customers", "contacts", "service-events", "summary", "costs"] as const;

/** Options of {@link checkOutFlags}. */
export interface OutFlagOptions {
  /** The flags that name outputs (default `["out"]`). */
  readonly outs?: readonly string[];
  /** What the outputs are: files (default) or a folder (`crm report`, `crm generate`). */
  readonly kind?: OutputKind;
  /** The flags that name input files (default: every one of input, customers, contacts, service-events, summary, costs). */
  readonly inputs?: readonly string[];
  /** The input read when `--input` is not given (the bundled sample), which must not be overwritten either. */
  readonly fallbackInput?: string;
}

/**
 * Checks every output flag of a command before any work (see `checkOutputPath`): not an input
 * file, not a folder where a file is meant or a file where a folder is meant, a folder that
 * exists or can be made and accepts files; two output flags never name the same file.
 *
 * @param command - the command name, for messages
 * @param flags - the parsed flags
 * @param options - which flags are outputs and inputs, file or folder
 * @returns nothing; absent output flags are skipped
 * @throws UsageError when two outputs name one file; DataError (one line, exit 2) for a bad path
 * @example
 * await checkOutFlags("summary", { input: "tx.csv", out: "tx.csv" });
 * // DataError: crm summary: --out "tx.csv" is the input file; write the output to another file
 */
export async function checkOutFlags(command: string, flags: FlagValues, options: OutFlagOptions = {}): Promise<void> {
  const inputs = (options.inputs ?? INPUT_FILE_FLAGS).map((name) => stringFlag(flags, name));
  if (stringFlag(flags, "input") === undefined) inputs.push(options.fallbackInput);
  const seen = new Map<string, string>();
  for (const name of options.outs ?? ["out"]) {
    const out = stringFlag(flags, name);
    if (out === undefined) continue;
    const other = seen.get(path.resolve(out));
    if (other !== undefined) throw new UsageError(`crm ${command}: --${name} "${out}" is the same file as --${other}; give two different files`);
    seen.set(path.resolve(out), name);
    await checkOutputPath(out, { kind: options.kind, inputs, who: `crm ${command}`, flag: `--${name}` });
  }
}
