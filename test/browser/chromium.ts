import { CHROMIUM_ARGS } from "../../src/reports/pdf/pdf-browser.js";
// Debian's Chromium for browser tests, driven by playwright-core (never a downloaded browser).
// The flags are those that work on this machine's closed network (see DESIGN.md); playwright
// starts every browser with a new, empty profile folder of its own.
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

/** Where Debian's `chromium` package puts the browser (override with CRM_CHROMIUM). */
export const CHROMIUM_PATH = process.env.CRM_CHROMIUM ?? "/usr/bin/chromium";
/** True when the browser is installed. */
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
/** True in CI (`.ci/run` sets CI=true and installs chromium): a missing browser is a failure there. */
export const IN_CI = process.env.CI === "true";
/** What to do when the browser is missing, in one line. */
export const INSTALL_HINT =
  `Debian's chromium not found at ${CHROMIUM_PATH}: install it with ` +
  "`sudo apt-get install --no-install-recommends chromium` (never `npx playwright install`)";

/** Command-line flags for headless Chromium on a machine with no outside network (shared with the PDF printer). */
export { CHROMIUM_ARGS };

/** Starts headless Debian Chromium; throws the install hint when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!HAS_CHROMIUM) throw new Error(INSTALL_HINT);
  const { chromium } = await import("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}
