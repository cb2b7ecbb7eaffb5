import type { Command, CommandIo } from "./command.js";
import { LiveLine } from "./live-line.js";
import { UsageError } from "./usage-error.js";
import { DataError } from "../data/data-error.js";
import { AnalysisNotPossibleError } from "../math/analysis-not-possible-error.js";
import { ArgumentError } from "../math/argument-error.js";
import { fitCommand } from "./commands/fit.js";
import { predictCommand } from "./commands/predict.js";
import { propensityCommand } from "./commands/propensity.js";
import { segmentCommand } from "./commands/segment.js";
import { rfmCommand } from "./commands/rfm.js";
import { valueCommand } from "./commands/value.js";
import { basketCommand } from "./commands/basket.js";
import { campaignCommand } from "./commands/campaign.js";
import { cohortsCommand } from "./commands/cohorts.js";
import { serviceCommand } from "./commands/service.js";
import { migrateCommand } from "./commands/migrate.js";
import { generateCommand } from "./commands/generate.js";
import { reportCommand } from "./commands/report.js";
import { summaryCommand } from "./commands/summary.js";
import { validateCommand } from "./commands/validate.js";
import { inspectCommand } from "./commands/inspect.js";
import { sqlCommand } from "./commands/sql.js";

/** Every `crm` sub-command, in the order `crm --help` lists them. */
export const COMMANDS: readonly Command[] = Object.freeze([validateCommand, inspectCommand, summaryCommand, valueCommand, basketCommand, rfmCommand, segmentCommand, migrateCommand, cohortsCommand, campaignCommand, serviceCommand, fitCommand, predictCommand, propensityCommand, reportCommand, sqlCommand, generateCommand]);

const PROCESS_IO: CommandIo = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  // A bar or spinner redrawn in place only on a terminal that can take it; else step lines.
  ...(process.stderr.isTTY && process.env.TERM !== "dumb" ? { live: new LiveLine(process.stderr) } : {}),
};

/**
 * The io a command gets: `--quiet` set from the line; with a live progress line (a terminal), `out`
 * and `err` clear it before they write, so that no text lands in the middle of a bar; with
 * `--quiet`, no live line at all.
 */
function commandIo(given: CommandIo, quietFlag: boolean): CommandIo {
  const quiet = quietFlag || given.quiet === true;
  const live = quiet ? undefined : given.live;
  const now = given.now ? { now: given.now } : {};
  if (!live) return { out: given.out, err: given.err, ...(quiet ? { quiet: true } : {}), ...now };
  return {
    out: (text) => {
      live.clear();
      given.out(text);
    },
    err: (text) => {
      live.clear();
      given.err(text);
    },
    live,
    ...now,
  };
}

function mainHelp(): string {
  const label = (c: Command): string => (c.section && c.section !== c.name ? `${c.name} | ${c.section}` : c.name);
  const width = Math.max(...COMMANDS.map((c) => label(c).length));
  return [
    "crm: customer-relationship analytics from transaction data",
    "",
    "Usage: crm <command> [flags]      crm <command> --help for the flags of a command",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${label(c).padEnd(width)}  ${c.summary}`),
    "",
    "A command that computes a report section also answers to the section's id (crm report --sections).",
    "",
    "Errors are one line on stderr with exit code 2. Progress goes to stderr (--quiet: none), results to stdout.",
    "An unexpected failure (a bug in crm) exits with code 1; add --debug to any command for its stack trace.",
  ].join("\n");
}

/**
 * True for the errors that describe the user's input, flags or data (one line, exit code 2),
 * told apart by class: anything else (including a RangeError that JavaScript itself throws) is a bug.
 */
export function isInputError(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof DataError || error instanceof ArgumentError || error instanceof AnalysisNotPossibleError;
}

/**
 * Runs the `crm` command line and resolves to the process exit code: 0 on success, 2 for a
 * usage or input error (printed as one line, no stack trace), 1 for an unexpected failure (a
 * bug: one short line, and the stack trace when `--debug` is on the line or CRM_DEBUG is set).
 *
 * @param argv - the arguments after `crm`
 * @param given - where to write (default: the process's stdout and stderr); `--quiet` on the line sets its `quiet`
 * @returns the exit code
 * @example
 * await runCli(["summary", "--input", "tx.csv", "--out", "summary.csv"]); // 0
 */
export async function runCli(argv: readonly string[], given: CommandIo = PROCESS_IO): Promise<number> {
  // --debug (anywhere on the line, or CRM_DEBUG=1) adds the stack trace when a bug is reported;
  // --quiet (anywhere) leaves out the progress lines.
  const debug = argv.includes("--debug") || Boolean(process.env.CRM_DEBUG);
  const io = commandIo(given, argv.includes("--quiet"));
  const [name, ...rest] = argv.filter((a) => a !== "--debug" && a !== "--quiet");
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(mainHelp());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name) ?? COMMANDS.find((c) => c.section === name);
  try {
    if (!command) throw new UsageError(`crm: unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(", ")}`);
    if (rest.includes("--help") || rest.includes("-h")) {
      io.out(command.help);
      return 0;
    }
    return await command.run(rest, io);
  } catch (error) {
    if (isInputError(error)) {
      io.err(`${error.message.split("\n")[0]}`);
      return 2;
    }
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    // Anything that is not an input error or an analysis the data cannot support is a bug in crm.
    io.err(`crm ${name}: unexpected failure (a bug in crm, not in your data): ${message}${debug ? "" : " (run again with --debug for the stack trace)"}`);
    if (debug && error instanceof Error) io.err(error.stack ?? "");
    return 1;
  }
}
