/**
 * What a {@link LiveLine} writes to: a terminal stream such as `process.stderr` (its `columns` is
 * the terminal's width, read at every draw so that a resized window is followed).
 *
 * @example
 * const stream: TerminalStream = process.stderr;
 */
export interface TerminalStream {
  /** Writes text as it is (no newline added). */
  write(text: string): unknown;
  /** Width of the terminal in characters (default 80, also when 0: a terminal that does not say). */
  readonly columns?: number;
}

/**
 * One line of a terminal that is redrawn in place: each draw returns to the start of the line
 * (`\r`) and overwrites what was there, padding with spaces where the new text is shorter; no
 * colours and no other escape codes. The text is cut to the terminal's width less one (the head
 * first, so that the tail stays whole), so that it never wraps (a wrapped line cannot be redrawn in place). Anything else written to the same
 * terminal must {@link LiveLine.clear} the line first (runCli does that for stdout and stderr).
 *
 * @example
 * const line = new LiveLine(process.stderr);
 * line.draw("crm: reading tx.csv", " | 1.2 s"); // stderr: "\rcrm: reading tx.csv | 1.2 s"
 * line.clear();                               // stderr: "\r" + 27 spaces + "\r"
 */
export class LiveLine {
  readonly #stream: TerminalStream;
  /** Characters on the line now (0: nothing drawn). */
  #width = 0;

  /** @param stream - the terminal to draw on */
  constructor(stream: TerminalStream) {
    this.#stream = stream;
  }

  /** True while a line is drawn (and not yet cleared). */
  get drawn(): boolean {
    return this.#width > 0;
  }

  /**
   * Draws `head` then `tail` over the current line. When the two are wider than the terminal,
   * the head is cut (ending in `...`) so that the tail (the bar, the count, the time) stays whole.
   *
   * @param head - the start of the line (the step's label), without newline
   * @param tail - the end of the line, kept whole where the width allows
   * @example
   * line.draw("crm: CLV", " [#####---------------] 25 % 25 of 100 draws, 3.0 s");
   */
  draw(head: string, tail = ""): void {
    // A pseudo-terminal without a size says 0 columns: take the usual 80.
    const columns = this.#stream.columns !== undefined && this.#stream.columns > 0 ? this.#stream.columns : 80;
    const max = Math.max(20, columns - 1);
    const room = max - tail.length;
    const text = head.length + tail.length <= max ? head + tail : room >= 8 ? `${head.slice(0, room - 3)}...${tail}` : head + tail;
    const shown = text.length > max ? text.slice(0, max) : text;
    this.#stream.write(`\r${shown}${" ".repeat(Math.max(0, this.#width - shown.length))}`);
    this.#width = Math.max(shown.length, 1);
  }

  /**
   * Blanks the drawn line and returns to its start, so that the next text begins at column 0;
   * does nothing when no line is drawn.
   *
   * @example
   * line.clear();
   */
  clear(): void {
    if (this.#width === 0) return;
    this.#stream.write(`\r${" ".repeat(this.#width)}\r`);
    this.#width = 0;
  }
}
