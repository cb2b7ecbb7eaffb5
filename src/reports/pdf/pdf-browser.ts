import { accessSync, constants } from "node:fs";
import path from "node:path";

const NAMES = ["chromium", "chromium-browser"];

/**
 * The flags for headless Chromium on a machine with no outside network (no sandbox as root, no
 * GPU, no background connections, updates or sync), shared by the PDF printer, the browser tests
 * and the screenshot script.
 *
 * @example
 * spawn(pdfBrowser()!, ["--headless", ...CHROMIUM_ARGS, "--print-to-pdf=out.pdf", url]);
 */
export const CHROMIUM_ARGS: readonly string[] = Object.freeze([
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]);

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The headless Chromium that {@link renderPdf} would run: `/usr/bin/chromium` (Debian's
 * package) when it exists, else the first `chromium` or `chromium-browser` on `PATH`. Never
 * downloads a browser.
 *
 * @param env - the environment whose `PATH` is searched (default `process.env`)
 * @returns the absolute path of the executable, or undefined when there is none
 * @throws never
 * @example
 * pdfBrowser(); // "/usr/bin/chromium" on Debian with the chromium package, else undefined
 */
export function pdfBrowser(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  if (executable("/usr/bin/chromium")) return "/usr/bin/chromium";
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    for (const name of NAMES) {
      const file = path.resolve(dir, name);
      if (executable(file)) return file;
    }
  }
  return undefined;
}
