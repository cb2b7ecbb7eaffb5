/**
 * How a long computation says how far it is, without knowing who listens (the command line draws
 * a bar or prints step lines; a notebook may ignore it). `done` counts units of work finished so
 * far (lines read, customers scored, bootstrap draws drawn); `total` is the number there will be,
 * when it is known (then the listener can show a fraction), else undefined (then a count and the
 * elapsed time). Calls go in order with `done` never decreasing; a computation calls it every few
 * thousand units at most (a listener must be cheap, but a call per row in a hot loop is not), and
 * once at the end with `done === total` when there is a total. Optional on the options of long
 * analyses: `onProgress?: ProgressCallback`.
 *
 * @example
 * const onProgress: ProgressCallback = (done, total) => console.error(`${done} of ${total ?? "?"} customers`);
 * generateSample({ customers: 1000, onProgress }); // "100 of 1000 customers", ..., "1000 of 1000 customers"
 */
export type ProgressCallback = (done: number, total?: number) => void;

/**
 * Counts the stages of an analysis that runs as a few long stages (fit, predict, evaluate) for
 * its {@link ProgressCallback}: `next()` after each stage reports `done` of `total` stages, and
 * `end()` at the very end reports `total` of `total` (once, also when some stages were skipped).
 * Costs one call per stage; without a callback it does nothing.
 *
 * @example
 * const stages = progressStages(options.onProgress, 3);
 * fit();     stages.next(); // onProgress(1, 3)
 * predict(); stages.next(); // onProgress(2, 3)
 * score();   stages.end();  // onProgress(3, 3)
 */
export interface ProgressStages {
  /** Says that `count` more stages are done (default 1); never beyond `total - 1` before {@link end}. */
  next(count?: number): void;
  /** Says that the work is done: `onProgress(total, total)`, once. */
  end(): void;
}

/**
 * A stage counter for {@link ProgressCallback} (see {@link ProgressStages}): `done` only grows,
 * stays below `total` until `end()`, and reaches it exactly once at the end.
 *
 * @param onProgress - the listener, or undefined for none (then nothing is called)
 * @param total - the stages there will be, a whole number >= 1
 * @returns the counter
 * @example
 * const stages = progressStages((done, total) => console.error(`${done} of ${total} stages`), 2);
 * stages.next(); // "1 of 2 stages"
 * stages.end();  // "2 of 2 stages"
 */
export function progressStages(onProgress: ProgressCallback | undefined, total: number): ProgressStages {
  let done = 0;
  let over = false;
  return {
    next: (count = 1) => {
      if (onProgress === undefined || over) return;
      const next = Math.min(done + count, total - 1);
      if (next <= done) return;
      done = next;
      onProgress(done, total);
    },
    end: () => {
      if (onProgress === undefined || over) return;
      over = true;
      onProgress(total, total);
    },
  };
}
