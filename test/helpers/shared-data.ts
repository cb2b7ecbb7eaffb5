import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Repository root (the folder holding package.json). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The shared reference data folder, beside the repository. */
export const SHARED_DATA = path.resolve(REPO_ROOT, "../shared/data");
/** True when ../shared/data is there; tests that need it skip with a message otherwise. */
export const HAS_SHARED_DATA = existsSync(SHARED_DATA);
if (!HAS_SHARED_DATA) {
  console.warn(`shared reference data not found at ${SHARED_DATA}: tests that need it are skipped`);
}
/** Path of a file in ../shared/data. */
export const sharedFile = (...parts: string[]): string => path.join(SHARED_DATA, ...parts);
