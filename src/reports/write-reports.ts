import { join, resolve } from "node:path";
import type { Report } from "./report-model.js";
import { renderHtml, type RenderHtmlOptions } from "./html/html.js";
import { renderExcel } from "./excel/excel.js";
import { renderPdf, type RenderPdfOptions } from "./pdf/pdf.js";
import { writeFileSet, type FileSetEntry } from "./write-file-set.js";

/** Options of {@link writeReports}. */
export interface WriteReportsOptions {
  /** Name of the files without extension (default "customer-report"; letters, digits, `.`, `_`, `-`). */
  readonly basename?: string;
  /** BCP 47 locale of numbers, dates and time stamps in the HTML and the workbook (default: English). */
  readonly locale?: string;
  /** Options of the HTML renderer (its `locale` wins over `locale`). */
  readonly html?: RenderHtmlOptions;
  /** Also print the HTML to `<basename>.pdf` with headless Chromium (true, or the printer's options). */
  readonly pdf?: boolean | Omit<RenderPdfOptions, "signal" | "atomic">;
}

/**
 * Renders a report to HTML and Excel (and with `pdf` prints the HTML to PDF) and writes
 * `<basename>.html`, `<basename>.xlsx` (and `<basename>.pdf`) into `outDir` (created when
 * missing) as ONE set: everything is rendered first, written to temporary files in `outDir`
 * (the PDF printed from the temporary HTML), then renamed over the targets one right after the
 * other (see `writeFileSet`). A reader sees the old set or the new set, never a mix; on an
 * error or SIGINT/SIGTERM the temporary files are removed and the old reports stay whole.
 * Temporary files of a run killed with SIGKILL (`.<basename>.<ext>.<pid>-<hex>.tmp`) are
 * removed by the next run into the same folder.
 *
 * @param report - the report model
 * @param outDir - output folder
 * @param options - see {@link WriteReportsOptions}
 * @returns the absolute paths written
 * @throws TypeError when basename is not a plain file name
 * @throws Error from the file system (e.g. no permission, a folder at a target path) or from
 *   Chromium; no temporary file is left behind and no old report is replaced
 * @example
 * await writeReports(report, "reports"); // { html: "/abs/reports/customer-report.html", xlsx: "/abs/reports/customer-report.xlsx" }
 */
export async function writeReports(
  report: Report,
  outDir: string,
  options: WriteReportsOptions = {},
): Promise<{ html: string; xlsx: string; pdf?: string }> {
  const basename = options.basename ?? "customer-report";
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(basename)) {
    throw new TypeError(`writeReports: basename ${JSON.stringify(basename)} is not a plain file name (letters, digits, ., _, -)`);
  }
  const locale = options.html?.locale ?? options.locale;
  const html = renderHtml(report, { ...options.html, locale });
  const xlsx = await renderExcel(report, { locale });
  const dir = resolve(outDir);
  const paths = { html: join(dir, `${basename}.html`), xlsx: join(dir, `${basename}.xlsx`) };
  const entries: FileSetEntry[] = [{ path: paths.html, content: html }, { path: paths.xlsx, content: xlsx }];
  if (options.pdf === undefined || options.pdf === false) {
    await writeFileSet(entries);
    return paths;
  }
  const pdfOptions = options.pdf === true ? {} : options.pdf;
  const pdf = join(dir, `${basename}.pdf`);
  entries.push({ path: pdf, content: async (temp, temps, signal) => { await renderPdf(temps[0]!, temp, { ...pdfOptions, signal, atomic: false }); } });
  await writeFileSet(entries);
  return { ...paths, pdf };
}
