import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdtemp, open, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM_ARGS, pdfBrowser } from "./pdf-browser.js";

/** Options of {@link renderPdf}. */
export interface RenderPdfOptions {
  /** The Chromium executable (default: {@link pdfBrowser}). */
  readonly chromium?: string;
  /** Give up after this many milliseconds (default 120000). */
  readonly timeoutMs?: number;
  /** Kills Chromium when aborted (e.g. by {@link writeFileSet} on SIGINT/SIGTERM). */
  readonly signal?: AbortSignal;
  /**
   * false: Chromium prints straight to `pdfPath`, which the caller has made a temporary file of
   * its own (as `writeReports` does); true (default): to a temporary file renamed over `pdfPath`.
   */
  readonly atomic?: boolean;
}

const FLAGS = [
  "--headless", ...CHROMIUM_ARGS, "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
  "--virtual-time-budget=15000", "--window-size=718,1024",
];

function run(exe: string, args: readonly string[], timeoutMs: number, signal: AbortSignal | undefined): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(exe, args, { stdio: ["ignore", "ignore", "pipe"], signal, killSignal: "SIGKILL" });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => { stderr = (stderr + b.toString("utf8")).slice(-4000); });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => { clearTimeout(timer); reject(e); });
    child.on("close", (code) => { clearTimeout(timer); resolve({ code, stderr }); });
  });
}

async function startsWithPdf(file: string): Promise<boolean> {
  if (!existsSync(file)) return false;
  const fh = await open(file, "r");
  try {
    const head = Buffer.alloc(5);
    await fh.read(head, 0, 5, 0);
    return head.toString("latin1") === "%PDF-";
  } finally {
    await fh.close();
  }
}

/**
 * Prints an HTML report to PDF with headless Chromium (`chromium --headless --print-to-pdf`),
 * using the page's print stylesheet, without header or footer lines. Chromium gets a throw-away
 * profile folder and no network services. The PDF is written atomically: to a temporary file
 * beside `pdfPath`, checked to start with `%PDF-`, then renamed over it (unless `atomic: false`).
 * An HTML file whose name does not end in `.html` or `.htm` (e.g. a temporary file) is copied
 * into the throw-away folder as `page.html` first, so that Chromium reads it as HTML.
 *
 * @param htmlPath - the HTML file to print (e.g. from `renderHtml`)
 * @param pdfPath - where to write the PDF
 * @param options - the `chromium` executable, `timeoutMs`, an abort `signal`, `atomic`
 * @returns the absolute path of the PDF
 * @throws Error `renderPdf: no Chromium found ...` when none is installed (see {@link pdfBrowser})
 * @throws Error when the HTML file does not exist, or Chromium fails or times out (with its last message)
 * @example
 * await renderPdf("reports/customer-report.html", "reports/customer-report.pdf"); // "/abs/reports/customer-report.pdf"
 */
export async function renderPdf(htmlPath: string, pdfPath: string, options: RenderPdfOptions = {}): Promise<string> {
  const exe = options.chromium ?? pdfBrowser();
  if (exe === undefined) {
    throw new Error("renderPdf: no Chromium found (looked for /usr/bin/chromium and chromium on PATH); install it (Debian: apt-get install chromium) to write PDFs");
  }
  const html = path.resolve(htmlPath);
  if (!existsSync(html)) throw new Error(`renderPdf: the HTML file ${html} does not exist`);
  const target = path.resolve(pdfPath);
  const atomic = options.atomic ?? true;
  const temp = atomic ? path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`) : target;
  const profile = await mkdtemp(path.join(tmpdir(), "crm-pdf-"));
  try {
    const page = /\.html?$/i.test(html) ? html : path.join(profile, "page.html");
    if (page !== html) await copyFile(html, page);
    const args = [...FLAGS, `--user-data-dir=${profile}`, `--print-to-pdf=${temp}`, pathToFileURL(page).href];
    const { code, stderr } = await run(exe, args, options.timeoutMs ?? 120_000, options.signal);
    if (code !== 0 || !(await startsWithPdf(temp))) {
      const last = stderr.trim().split("\n").filter((l) => l.trim() !== "").pop() ?? "no message";
      throw new Error(`renderPdf: ${exe} did not write a PDF (exit ${code ?? "killed"}): ${last}`);
    }
    if (atomic) await rename(temp, target);
    return target;
  } catch (error) {
    if (!atomic) await rm(target, { force: true });
    throw error;
  } finally {
    if (atomic) await rm(temp, { force: true });
    await rm(profile, { recursive: true, force: true });
  }
}
