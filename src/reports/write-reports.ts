import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Report } from "./report-model.js";
import { renderHtml, type RenderHtmlOptions } from "./html.js";
import { renderExcel } from "./excel.js";
import { writeFileAtomic } from "../data/write-file-atomic.js";

/**
 * Renders a report to HTML and Excel and writes `<basename>.html` and `<basename>.xlsx` into
 * `outDir` (created when missing). Each file is written atomically: to a temporary file in the
 * same folder, then renamed over the target, so a reader never sees a half-written report and
 * an old report is replaced whole. Both are rendered before either is written.
 *
 * @param report - the report model
 * @param outDir - output folder
 * @param options - `basename` of the files (default "customer-report"; letters, digits, `.`, `_`, `-`);
 *   `html`: options of the HTML renderer (e.g. `locale`)
 * @returns the absolute paths written
 * @throws TypeError when basename is not a plain file name
 * @throws Error from the file system (e.g. no permission); no temporary file is left behind
 * @example
 * await writeReports(report, "reports"); // { html: "/abs/reports/customer-report.html", xlsx: "/abs/reports/customer-report.xlsx" }
 */
export async function writeReports(
  report: Report,
  outDir: string,
  options: { readonly basename?: string; readonly html?: RenderHtmlOptions } = {},
): Promise<{ html: string; xlsx: string }> {
  const basename = options.basename ?? "customer-report";
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(basename)) {
    throw new TypeError(`writeReports: basename ${JSON.stringify(basename)} is not a plain file name (letters, digits, ., _, -)`);
  }
  const html = renderHtml(report, options.html);
  const xlsx = await renderExcel(report);
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const paths = { html: join(dir, `${basename}.html`), xlsx: join(dir, `${basename}.xlsx`) };
  await writeFileAtomic(paths.html, html);
  await writeFileAtomic(paths.xlsx, xlsx);
  return paths;
}
