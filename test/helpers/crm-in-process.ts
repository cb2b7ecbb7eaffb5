import { runCli } from "../../src/cli/main.js";

/**
 * Runs the `crm` command line in this process (runCli) and collects what it prints: the exit
 * code it resolves to, stdout and stderr, each line ending in a newline.
 *
 * @example
 * const r = await crm("validate", "--input", "tx.csv"); // { code: 0, out: "...", err: "crm: ..." }
 */
export async function crm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => (out += t.endsWith("\n") ? t : `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}
