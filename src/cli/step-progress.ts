import type { LiveLine } from "./live-line.js";
import type { ProgressCallback } from "../math/progress.js";

/**
 * Settings of one {@link StepProgress}: what the step is, what it counts, and where and when it
 * reports.
 *
 * @example
 * const o: StepProgressOptions = { label: "reading tx.csv", unit: "lines", rate: true, write: (l) => process.stderr.write(`${l}\n`) };
 */
export interface StepProgressOptions {
  /** What the step does, in plain words: `customer summary`. */
  readonly label: string;
  /** What the step counts, plural (`lines`, `customers`, `draws`; default `items`); singular is the plural without its final s. */
  readonly unit?: string;
  /** The count the step will reach, when known before it ends (a bar on a terminal, a percentage in step lines). */
  readonly total?: number;
  /** True: the done line adds the throughput (`1.2M lines/s`). */
  readonly rate?: boolean;
  /** Writes one whole line to stderr (no newline in it). */
  readonly write: (line: string) => void;
  /** On a terminal: the line redrawn in place; absent: step lines only, never `\r`. */
  readonly live?: LiveLine;
  /** The clock, milliseconds (default `performance.now`). */
  readonly now?: () => number;
  /** Least time between two redraws of the live line, ms (default 100: 10 a second). */
  readonly redrawMs?: number;
  /** Time between two interim step lines of a long step (no terminal), ms (default 5000). */
  readonly interimMs?: number;
}

const SPINNER = ["|", "/", "-", "\\"] as const;
const BAR_WIDTH = 20;
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/**
 * The progress of one step of long work, rendered for a terminal or for a log. On a terminal
 * (`live` given) one line is redrawn in place, at most every `redrawMs`: a bar with the
 * percentage when the total is known (`crm: CLV [#####---------------] 25 % 25 of 100 draws, 3.0 s`),
 * else a spinner with the elapsed time and the count so far. Elsewhere (CI, a pipe, a file) whole
 * lines: `crm: reading tx.csv ...` at the start, an interim line when `interimMs` has passed since
 * the last line (`crm: reading tx.csv ... 10.0 s (3,000,000 lines so far)`; the checks happen on
 * each {@link StepProgress.update} and {@link StepProgress.tick}, so a step that blocks the event
 * loop and reports nothing gets none), and the done line with the count and the throughput
 * (`crm: reading tx.csv done: 10,012,345 lines in 8.1 s (1.2M lines/s)`; without a count
 * `crm: writing reports done in 0.63 s`). Owns no timer: the caller ticks it (see `startStep`).
 *
 * @example
 * const p = new StepProgress({ label: "customer summary", unit: "customers", write: console.error });
 * p.start();          // "crm: customer summary ..."
 * p.finish(1_700_000); // "crm: customer summary done: 1,700,000 customers in 2.3 s"
 */
export class StepProgress {
  readonly #o: StepProgressOptions;
  readonly #now: () => number;
  readonly #start: number;
  #done: number | undefined;
  #total: number | undefined;
  #lastDraw = Number.NEGATIVE_INFINITY;
  #lastLine: number;
  #frame = 0;
  #over = false;

  /** @param options - the step and where it reports; the clock starts now */
  constructor(options: StepProgressOptions) {
    this.#o = options;
    this.#now = options.now ?? (() => performance.now());
    this.#start = this.#now();
    this.#lastLine = this.#start;
    this.#total = options.total;
  }

  /**
   * Says that the step started: the first line (or the first draw of the live line).
   *
   * @example
   * p.start(); // "crm: customer summary ..."
   */
  start(): void {
    if (this.#o.live) this.#draw(this.#now());
    else this.#o.write(`crm: ${this.#o.label} ...`);
  }

  /**
   * The step's {@link ProgressCallback}: records how far it is and redraws or reports when due.
   *
   * @example
   * p.update(250_000, 1_000_000);
   */
  readonly update: ProgressCallback = (done, total) => {
    this.#done = done;
    if (total !== undefined) this.#total = total;
    this.tick();
  };

  /**
   * Redraws the live line (elapsed time, spinner) or writes an interim line, when either is due;
   * else does nothing. Call it from a timer so that a step that reports no count still shows
   * its elapsed time.
   *
   * @example
   * setInterval(() => p.tick(), 100);
   */
  tick(): void {
    if (this.#over) return;
    const now = this.#now();
    if (this.#o.live) {
      if (now - this.#lastDraw >= (this.#o.redrawMs ?? 100)) this.#draw(now);
    } else if (now - this.#lastLine >= (this.#o.interimMs ?? 5000)) {
      this.#lastLine = now;
      const so = this.#soFar();
      this.#o.write(`crm: ${this.#o.label} ... ${seconds((now - this.#start) / 1000)} s${so ? ` (${so})` : ""}`);
    }
  }

  /**
   * Ends the step: clears the live line and writes the done line.
   *
   * @param count - what the step counted in all (default: the last count reported, if any; null: no count, the time only)
   * @param counted - what that count is, when only the result tells (default: the options' unit and rate)
   * @returns the step's duration, seconds
   * @example
   * p.finish(30_665, { unit: "lines", rate: true }); // "crm: reading tx.csv done: 30,665 lines in 0.21 s (146K lines/s)"
   */
  finish(count?: number | null, counted: { readonly unit?: string; readonly rate?: boolean } = {}): number {
    const s = (this.#now() - this.#start) / 1000;
    if (this.#over) return s;
    this.#over = true;
    this.#o.live?.clear();
    const n = count === null ? undefined : count ?? this.#done;
    if (n === undefined) {
      this.#o.write(`crm: ${this.#o.label} done in ${seconds(s)} s`);
    } else {
      const unit = counted.unit ?? this.#o.unit;
      const rate = (counted.rate ?? this.#o.rate) && s > 0 ? ` (${COMPACT.format(n / s)} ${plural(unit, 2)}/s)` : "";
      this.#o.write(`crm: ${this.#o.label} done: ${thousands(n)} ${plural(unit, n)} in ${seconds(s)} s${rate}`);
    }
    return s;
  }

  /**
   * Ends the step without a done line (it failed or was left out): clears the live line.
   *
   * @example
   * p.abort();
   */
  abort(): void {
    this.#over = true;
    this.#o.live?.clear();
  }

  #unit(n: number): string {
    return plural(this.#o.unit, n);
  }

  /** `3,000 of 10,000 draws, 30 %`, `3,000,000 lines so far`, or "" with no count yet. */
  #soFar(): string {
    const done = this.#done;
    if (done === undefined) return "";
    const total = this.#total;
    if (total !== undefined && total > 0) return `${thousands(done)} of ${thousands(total)} ${this.#unit(total)}, ${Math.floor((100 * done) / total)} %`;
    return `${thousands(done)} ${this.#unit(done)} so far`;
  }

  #draw(now: number): void {
    this.#lastDraw = now;
    const elapsed = `${((now - this.#start) / 1000).toFixed(1)} s`;
    const done = this.#done;
    const total = this.#total;
    let tail: string;
    if (done !== undefined && total !== undefined && total > 0) {
      const fraction = Math.min(1, Math.max(0, done / total));
      const filled = Math.round(fraction * BAR_WIDTH);
      tail = ` [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${Math.floor((100 * Math.min(done, total)) / total)} % ${thousands(done)} of ${thousands(total)} ${this.#unit(total)}, ${elapsed}`;
    } else {
      const spin = SPINNER[this.#frame++ % SPINNER.length];
      tail = ` ${spin} ${elapsed}${done === undefined ? "" : `, ${thousands(done)} ${this.#unit(done)}`}`;
    }
    // A long label is cut on a narrow terminal, never the bar, the count or the time.
    this.#o.live!.draw(`crm: ${this.#o.label}`, tail);
  }
}

/** `unit` (plural, default `items`) for `n` of them: the final s dropped for one. */
function plural(unit: string | undefined, n: number): string {
  const u = unit ?? "items";
  return n === 1 && u.endsWith("s") ? u.slice(0, -1) : u;
}

/** A duration in seconds as the step lines print it: two decimals under 1 s (`0.42`), else one (`8.1`, `275.3`). */
function seconds(s: number): string {
  return s < 1 ? s.toFixed(2) : s.toFixed(1);
}

/** A count with thousands separators (en-US): `6,919`. */
function thousands(n: number): string {
  return n.toLocaleString("en-US");
}
