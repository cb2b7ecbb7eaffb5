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
  io.err(`crm: ${label} ...`);
  const result = await work();
  io.err(`crm: ${label} done in ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
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
