import { createRequire } from "node:module";
import type { DanfoFrameLike } from "./types.js";

/** The part of the danfojs-node module used here. */
export interface DanfoModule {
  DataFrame: new (data: unknown[][], options: { columns: string[]; dtypes?: string[] }) => DanfoFrameLike;
}

let cached: DanfoModule | undefined;

/**
 * Loads danfojs-node on first use only: it loads TensorFlow.js, which is heavy, so nothing
 * else in the package pays for it. Later calls return the same module.
 *
 * @param caller - public function name for the error message
 * @returns the danfojs-node module
 * @throws Error `<caller>: danfojs-node could not be loaded (...)` when it is not installed or fails to start
 * @example
 * const dfd = loadDanfo("toDanfo");
 */
export function loadDanfo(caller: string): DanfoModule {
  if (cached) return cached;
  try {
    cached = createRequire(import.meta.url)("danfojs-node") as DanfoModule;
  } catch (e) {
    throw new Error(`${caller}: danfojs-node could not be loaded (${(e as Error).message}); install danfojs-node to use the danfo interop`);
  }
  return cached;
}
