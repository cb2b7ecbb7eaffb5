import type { CommandIo } from "./command.js";

/**
 * Runs one step of long work and reports it on stderr with its duration, e.g.
 * `crm: customer summary ... done in 0.42 s`.
 *
 * @param io - where to report
 * @param label - what the step does, in plain words
 * @param work - the step
 * @returns what the step returns
 * @example
 * const s = await step(io, "customer summary", () => customerSummary(tx));
 */
export async function step<T>(io: CommandIo, label: string, work: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  stepStarted(io, label);
  const result = await work();
  stepDone(io, label, (performance.now() - start) / 1000);
  return result;
}

/**
 * The line that says a step started: `crm: customer summary ...`.
 *
 * @example
 * stepStarted(io, "RFM segments"); // stderr: "crm: RFM segments ..."
 */
export function stepStarted(io: CommandIo, label: string): void {
  if (!io.quiet) io.err(`crm: ${label} ...`);
}

/**
 * The line that says a step is done, with its duration: `crm: customer summary done in 0.42 s`.
 *
 * @example
 * stepDone(io, "RFM segments", 0.05); // stderr: "crm: RFM segments done in 0.05 s"
 */
export function stepDone(io: CommandIo, label: string, seconds: number): void {
  if (!io.quiet) io.err(`crm: ${label} done in ${seconds.toFixed(2)} s`);
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
