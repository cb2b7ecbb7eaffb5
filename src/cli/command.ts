import type { LiveLine } from "./live-line.js";

/** Where a command writes: results to `out`, progress and notes to `err`. */
export interface CommandIo {
  /** Standard output: results (CSV, JSON, paths). */
  readonly out: (text: string) => void;
  /** Standard error: progress and notes for people. */
  readonly err: (text: string) => void;
  /** True with `--quiet`: progress lines (steps, percentages) are not written; notes, warnings and errors still are. */
  readonly quiet?: boolean;
  /**
   * When stderr is a terminal: the line that progress is redrawn on in place (a bar or a
   * spinner). Absent (a pipe, a file, CI, tests): progress is written as whole step lines
   * through `err`. Whoever writes to `out` or `err` clears it first (runCli wraps both).
   */
  readonly live?: LiveLine;
  /** The clock of the progress lines, milliseconds (default `performance.now`); tests give a fake one. */
  readonly now?: () => number;
}

/** One `crm` sub-command. */
export interface Command {
  /** Name typed after `crm`. */
  readonly name: string;
  /**
   * The id of the report section this command computes (`crm report --sections`, the Excel
   * sheet, the JSON key), accepted as a second name: `crm cross-sell` runs `crm basket`.
   */
  readonly section?: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command with its own arguments; resolves to the exit code. */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}
