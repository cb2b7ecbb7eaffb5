#!/usr/bin/env node
// Regenerates the README's screenshots in docs/ from the bundled sample data:
//   docs/report-cover.png          the HTML report's top (cover and key figures), 1200 x 900
//   docs/report-lifetime-value.png the "Customer lifetime value" section to its first charts
//   docs/report-rfm.png            the "RFM segments" section to its first charts
//   docs/workbook-cover.png        the workbook's Cover sheet (its first sheet while there is none),
//                                  read back with exceljs and drawn as an HTML grid of its cells:
//                                  no spreadsheet program is involved
// Usage: npm run build && node scripts/screenshots.js
// Uses Debian's chromium (/usr/bin/chromium, or CRM_CHROMIUM) through playwright-core, offline:
// every request but the page itself is aborted. Each PNG is kept under 200 KB; when ImageMagick's
// `convert` is on the PATH the PNGs are also reduced to 256 colours.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DOCS = path.join(ROOT, "docs");
const CHROMIUM = process.env.CRM_CHROMIUM ?? "/usr/bin/chromium";
const { CHROMIUM_ARGS: ARGS } = await import(pathToFileURL(path.join(ROOT, "dist", "reports", "pdf", "pdf-browser.js")).href);
const VIEWPORT = { width: 1200, height: 900 };
const MAX_BYTES = 200 * 1024;
const MAX_SECTION_HEIGHT = 1400;

function fail(message) {
  process.stderr.write(`screenshots: ${message}\n`);
  process.exit(2);
}

if (!existsSync(CHROMIUM)) fail(`Debian's chromium not found at ${CHROMIUM}: sudo apt-get install --no-install-recommends chromium`);
if (!existsSync(path.join(ROOT, "dist", "cli", "main.js"))) fail("the module is not built yet: run `npm run build` first");

/** Writes the sample reports into a temporary folder with the built `crm` command. */
function buildReports(dir) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "crm.js"), "report", "--json", "--out", dir], { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) fail(`crm report failed (${r.status}): ${r.stderr.trim().split("\n").pop()}`);
  return JSON.parse(r.stdout);
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The text a spreadsheet shows for a number under the common formats the workbook uses. */
function formatNumber(value, numFmt) {
  const fmt = (numFmt ?? "General").split(";")[0];
  if (fmt === "General" || fmt === "@") return String(Math.round(value * 1e6) / 1e6);
  const literal = [...fmt.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
  const bare = fmt.replace(/"[^"]*"/g, "");
  const percent = bare.includes("%");
  const decimals = (bare.split(".")[1] ?? "").replace(/[^0#]/g, "").length;
  const grouped = bare.includes(",");
  const text = (percent ? value * 100 : value).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: grouped });
  const before = fmt.trimStart().startsWith('"') ? literal.shift() ?? "" : "";
  return `${before}${text}${percent ? "%" : ""}${literal.join("")}`;
}

/** A cell's displayed text (what a spreadsheet would show). */
function cellText(cell) {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return formatNumber(v, cell.numFmt);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("result" in v) return v.result instanceof Date ? v.result.toISOString().slice(0, 10) : typeof v.result === "number" ? formatNumber(v.result, cell.numFmt) : String(v.result ?? "");
    if ("text" in v) return String(v.text);
  }
  return String(v);
}

const argb = (c) => (c && typeof c.argb === "string" && c.argb.length === 8 ? `#${c.argb.slice(2)}` : null);

/** An HTML page that draws a worksheet's cells as a spreadsheet grid (column letters, row numbers). */
function sheetHtml(ws, maxRows, maxCols) {
  const rows = Math.min(ws.rowCount, maxRows);
  const cols = Math.min(ws.columnCount, maxCols);
  const letter = (n) => (n > 26 ? letter(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const widths = Array.from({ length: cols }, (_, j) => Math.round((ws.getColumn(j + 1).width ?? 9) * 7 + 10));
  const hidden = new Set();
  const spans = new Map();
  for (const range of Object.keys(ws._merges ?? {}).map((k) => ws._merges[k].model ?? ws._merges[k])) {
    const { top, left, bottom, right } = range;
    spans.set(`${top}:${left}`, { rowspan: bottom - top + 1, colspan: right - left + 1 });
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) hidden.add(`${r}:${c}`);
  }
  // Excel tables (ws.addTable): a bold header on the accent colour and banded rows, roughly as
  // Excel draws its built-in "TableStyleLight9"/"Medium2" styles.
  const tableHeader = new Set();
  const tableBand = new Set();
  const colNumber = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  for (const t of typeof ws.getTables === "function" ? ws.getTables() : []) {
    const model = t.table ?? t;
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(model.tableRef ?? "");
    if (!m) continue;
    const [top, bottom, left, right] = [Number(m[2]), Number(m[4]), colNumber(m[1]), colNumber(m[3])];
    for (let c = left; c <= right; c++) {
      if (model.headerRow !== false) tableHeader.add(`${top}:${c}`);
      for (let r = top + 1; r <= bottom; r++) if ((r - top) % 2 === 1 && model.style?.showRowStripes !== false) tableBand.add(`${r}:${c}`);
    }
  }
  const frozenRow = ws.views?.[0]?.state === "frozen" ? ws.views[0].ySplit ?? 0 : 0;
  let body = "";
  for (let r = 1; r <= rows; r++) {
    body += `<tr><th class="rh">${r}</th>`;
    for (let c = 1; c <= cols; c++) {
      if (hidden.has(`${r}:${c}`)) continue;
      const cell = ws.getCell(r, c);
      const css = [];
      const font = cell.font ?? {};
      if (font.bold) css.push("font-weight:700");
      if (font.italic) css.push("font-style:italic");
      if (font.size) css.push(`font-size:${Math.round(font.size * 1.33)}px`);
      if (argb(font.color)) css.push(`color:${argb(font.color)}`);
      const fill = cell.fill?.type === "pattern" ? argb(cell.fill.fgColor) : null;
      if (fill) css.push(`background:${fill}`);
      else if (tableHeader.has(`${r}:${c}`)) css.push("background:#4472C4;color:#fff;font-weight:700");
      else if (tableBand.has(`${r}:${c}`)) css.push("background:#D9E1F2");
      if (cell.hyperlink || (cell.value && typeof cell.value === "object" && "hyperlink" in cell.value)) css.push("color:#0563C1;text-decoration:underline");
      if (r === frozenRow) css.push("border-bottom:2px solid #9AA5B1");
      const align = cell.alignment?.horizontal ?? (typeof cell.value === "number" || cell.value instanceof Date ? "right" : "left");
      css.push(`text-align:${align}`);
      if (cell.alignment?.wrapText) css.push("white-space:normal");
      else if (typeof cell.value === "string" && c < cols && ws.getCell(r, c + 1).value == null) css.push("overflow:visible;text-overflow:clip");
      const span = spans.get(`${r}:${c}`);
      const attrs = span ? ` rowspan="${span.rowspan}" colspan="${span.colspan}"` : "";
      body += `<td${attrs} style="${css.join(";")}">${escapeHtml(cellText(cell))}</td>`;
    }
    body += "</tr>\n";
  }
  const colgroup = `<col style="width:42px">${widths.map((w) => `<col style="width:${w}px">`).join("")}`;
  const tableWidth = 42 + widths.reduce((a, b) => a + b, 0);
  const head = `<tr><th class="corner"></th>${widths.map((_, j) => `<th>${letter(j + 1)}</th>`).join("")}</tr>`;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { margin: 0; padding: 12px; background: #fff; font: 14.5px Carlito, Calibri, Arial, "Liberation Sans", sans-serif; color: #1F2933; }
table { border-collapse: collapse; table-layout: fixed; }
td, th { border: 1px solid #D4D4D4; padding: 2px 5px; height: 20px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
th { background: #EFEFEF; color: #555; font-weight: 400; text-align: center; }
th.rh { text-align: right; }
.tabs { margin-top: 6px; font-size: 12px; }
.tab { display: inline-block; padding: 3px 14px; border: 1px solid #BBB; border-top: 0; background: #fff; font-weight: 700; color: #217346; }
.other { font-weight: 400; color: #555; background: #F3F3F3; }
</style></head><body><table style="width:${tableWidth}px">${colgroup}<thead>${head}</thead><tbody>${body}</tbody></table>
<div class="tabs">${ws.workbook.worksheets.slice(0, 6).map((s) => `<span class="tab${s === ws ? "" : " other"}">${escapeHtml(s.name)}</span>`).join("")}</div>
</body></html>`;
}

/** Reduces a PNG's colours with ImageMagick when it is there; never required. */
function shrink(file) {
  const convert = spawnSync("convert", ["-version"], { encoding: "utf8" });
  if (convert.status !== 0) return;
  const tmp = `${file}.tmp.png`;
  try {
    execFileSync("convert", [file, "-strip", "-colors", "256", `PNG8:${tmp}`]);
    if (statSync(tmp).size < statSync(file).size) execFileSync("mv", [tmp, file]);
  } catch {
    /* keep the original */
  } finally {
    rmSync(tmp, { force: true });
  }
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-screens-"));
  mkdirSync(DOCS, { recursive: true });
  const made = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  try {
    const paths = buildReports(dir);
    const pageUrl = pathToFileURL(paths.html).href;
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await context.route("**/*", (route) => (route.request().url() === pageUrl ? route.continue() : route.abort("blockedbyclient")));
    const page = await context.newPage();
    page.on("pageerror", (e) => process.stderr.write(`screenshots: page error: ${e.message}\n`));
    await page.goto(pageUrl, { waitUntil: "load" });
    await page.waitForFunction(() => [...document.querySelectorAll("figure.chart")].every((f) => f.querySelector(".main-svg")), null, { timeout: 20_000 });
    await page.addStyleTag({ content: ".modebar-container { display: none !important; }" });

    /** The page's top (viewport size), or a section from its heading to the end of its first row of charts. */
    const shoot = async (name, sectionId) => {
      const file = path.join(DOCS, name);
      let clip = { x: 0, y: 0, ...VIEWPORT };
      if (sectionId) {
        const box = await page.evaluate((id) => {
          const el = document.getElementById(id);
          if (!el) return null;
          const top = el.getBoundingClientRect().top + window.scrollY;
          // the first row of charts: the figures level with the first one
          const figures = [...el.querySelectorAll("figure.chart")].map((f) => f.getBoundingClientRect());
          const row = figures.filter((b) => figures.length > 0 && Math.abs(b.top - figures[0].top) < 4);
          const bottom = row.length > 0 ? Math.max(...row.map((b) => b.bottom)) + window.scrollY : top + 900;
          return { top, bottom };
        }, sectionId);
        if (!box) { process.stderr.write(`screenshots: no section #${sectionId} in the report; ${name} not made\n`); return; }
        const height = Math.round(Math.min(Math.max(box.bottom - box.top + 16, 400), MAX_SECTION_HEIGHT));
        clip = { x: 0, y: Math.max(0, Math.round(box.top - 8)), width: VIEWPORT.width, height };
      }
      await page.screenshot({ path: file, clip, fullPage: true });
      made.push(file);
    };
    await shoot("report-cover.png");
    await shoot("report-lifetime-value.png", "s-lifetime-value");
    await shoot("report-rfm.png", "s-rfm-segments");
    await context.close();

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(paths.xlsx);
    const cover = wb.getWorksheet("Cover");
    const sheet = cover ?? wb.worksheets[0];
    if (!cover) process.stderr.write(`screenshots: the workbook has no "Cover" sheet yet; drawing its first sheet ("${sheet.name}")\n`);
    const sheetPage = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await sheetPage.route("**/*", (route) => route.abort("blockedbyclient"));
    await sheetPage.setContent(sheetHtml(sheet, 40, 8), { waitUntil: "load" });
    const box = await sheetPage.evaluate(() => {
      const t = document.querySelector("table").getBoundingClientRect();
      return { width: Math.ceil(t.right + 12), height: document.body.scrollHeight };
    });
    const file = path.join(DOCS, "workbook-cover.png");
    await sheetPage.screenshot({ path: file, clip: { x: 0, y: 0, width: Math.min(box.width, VIEWPORT.width), height: Math.min(box.height, VIEWPORT.height) }, fullPage: true });
    made.push(file);
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }

  let tooBig = false;
  for (const file of made) {
    shrink(file);
    const size = statSync(file).size;
    const png = readFileSync(file);
    const dims = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
    process.stdout.write(`${path.relative(ROOT, file)}  ${dims}  ${(size / 1024).toFixed(0)} KB\n`);
    if (size > MAX_BYTES) { tooBig = true; process.stderr.write(`screenshots: ${path.relative(ROOT, file)} is over 200 KB\n`); }
  }
  if (tooBig) process.exitCode = 1;
}

await main();
