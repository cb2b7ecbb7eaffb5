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
