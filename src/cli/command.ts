/** Where a command writes: results to `out`, progress and notes to `err`. */
export interface CommandIo {
  /** Standard output: results (CSV, JSON, paths). */
  readonly out: (text: string) => void;
  /** Standard error: progress and notes for people. */
  readonly err: (text: string) => void;
}

/** One `crm` sub-command. */
export interface Command {
  /** Name typed after `crm`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Runs the command with its own arguments; resolves to the exit code. */
  run(argv: readonly string[], io: CommandIo): Promise<number>;
}
