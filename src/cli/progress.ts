import type { CommandIo } from "./command.js";
import { StepProgress } from "./step-progress.js";
import type { ProgressCallback } from "../math/progress.js";

/**
 * What a step counts and how its done line reports it.
 *
 * @example
 * const o: StepOptions<CustomerSummary> = { unit: "customers", count: (s) => s.length };
 */
export interface StepOptions<T> {
  /** What is counted, plural: `lines`, `customers`, `draws` (default `items`). */
  readonly unit?: string;
  /**
   * The count for the done line, from the step's result (default: a result with a row ledger,
   * `{ ledger: { read } }` as the loaders return, counts its lines read, with the throughput;
   * else the last count the step reported through its callback; else none).
   */
  readonly count?: (result: T) => number | undefined;
  /** The count the step will reach, when known at the start (a bar on a terminal). */
  readonly total?: number;
  /** True: the done line adds the throughput, `(1.2M lines/s)`. */
  readonly rate?: boolean;
  /**
   * What the step's progress callback counts, when that is not what its done line counts: the
   * `stages` of an analysis whose done line counts its customers (`count`) or gives its time
   * alone (no `count`). The interim lines and the bar count these.
   */
  readonly progressUnit?: string;
}

/**
 * A step started with {@link startStep}: report its progress, then end it once.
 *
 * @example
 * const s = startStep(io, "lifetime value", { unit: "customers" });
 * s.done(1_700_000); // "crm: lifetime value done: 1,700,000 customers in 41.2 s"
 */
export interface StepHandle {
  /** The step's progress callback, to hand to a library function's `onProgress`. */
  readonly update: ProgressCallback;
  /**
   * Ends the step with its done line.
   *
   * @param count - what it counted (default: the last count reported; null: no count, the time only)
   * @param counted - the unit and throughput of that count, when they differ from the start's
   */
  done(count?: number | null, counted?: { readonly unit?: string; readonly rate?: boolean }): void;
  /** Ends the step without a done line (it failed or was left out). */
  fail(): void;
}

const QUIET: StepHandle = Object.freeze({ update: () => {}, done: () => {}, fail: () => {} });

/**
 * Starts one step of long work and reports it on stderr, never on stdout, and nothing with
 * `--quiet`: on a terminal (`io.live`) one line redrawn in place (a bar when the total is
 * known, else a spinner with the elapsed time and the count), up to 10 times a second; else
 * step lines (`crm: label ...`, an interim line with the elapsed time every ~5 s while the step
 * reports or awaits, and `crm: label done: 1,700,000 customers in 2.3 s`). A timer (which never
 * keeps the process alive) ticks it while the step awaits; the step's own callback ticks it
 * while it computes.
 *
 * @param io - where to report
 * @param label - what the step does, in plain words
 * @param options - what it counts
 * @returns the handle to report progress and end the step
 * @example
 * const s = startStep(io, "clusters", { unit: "customers" });
 * const r = clusterCustomers(summary, { k: "auto" });
 * s.done(summary.length);
 */
export function startStep(io: CommandIo, label: string, options: Omit<StepOptions<unknown>, "count"> = {}): StepHandle {
  if (io.quiet) return QUIET;
  const p = new StepProgress({ label, unit: options.unit, total: options.total, rate: options.rate, write: io.err, live: io.live, now: io.now });
  p.start();
  const timer = setInterval(() => p.tick(), io.live ? 100 : 1000);
  timer.unref();
  return {
    update: p.update,
    done: (n, counted) => {
      clearInterval(timer);
      p.finish(n, counted);
    },
    fail: () => {
      clearInterval(timer);
      p.abort();
    },
  };
}

/**
 * Runs one step of long work and reports it on stderr (see {@link startStep}), e.g.
 * `crm: customer summary ...` then `crm: customer summary done: 6,919 customers in 0.21 s`.
 * The step gets the progress callback to pass on to a library function that reports progress.
 *
 * @param io - where to report
 * @param label - what the step does, in plain words
 * @param work - the step; its argument is the step's progress callback
 * @param options - what it counts (a result with a row ledger counts its lines by default)
 * @returns what the step returns
 * @throws whatever the step throws (the live line is cleared first)
 * @example
 * const s = await step(io, "customer summary", () => customerSummary(tx), { unit: "customers", count: (r) => r.length });
 * const sample = await step(io, "simulating", (onProgress) => generateSample({ customers: 1000, onProgress }), { unit: "customers", total: 1000 });
 * const p = await step(io, "propensity", (onProgress) => propensityAnalysis(tx, { onProgress }), { progressUnit: "stages" }); // "... (4 of 8 stages, 50 %)", "done in 31.2 s"
 */
export async function step<T>(io: CommandIo, label: string, work: (onProgress: ProgressCallback) => Promise<T> | T, options: StepOptions<T> = {}): Promise<T> {
  const staged = options.progressUnit !== undefined;
  const handle = startStep(io, label, staged ? { ...options, unit: options.progressUnit } : options);
  let result: T;
  try {
    result = await work(handle.update);
  } catch (error) {
    handle.fail();
    throw error;
  }
  if (staged) {
    handle.done(options.count?.(result) ?? null, { unit: options.unit ?? "items" });
  } else if (options.count) {
    handle.done(options.count(result));
  } else {
    const lines = linesRead(result);
    handle.done(lines, lines === undefined ? undefined : { unit: "lines", rate: true });
  }
  return result;
}

/** The lines read of a result with a row ledger (`{ ledger: { read: number } }`), else undefined. */
function linesRead(result: unknown): number | undefined {
  if (typeof result !== "object" || result === null || !("ledger" in result)) return undefined;
  const ledger: unknown = result.ledger;
  if (typeof ledger !== "object" || ledger === null || !("read" in ledger)) return undefined;
  return typeof ledger.read === "number" ? ledger.read : undefined;
}

/**
 * Formats a count with thousands separators (en-US), e.g. `6,919`.
 *
 * @example
 * count(6919); // "6,919"
 */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}
