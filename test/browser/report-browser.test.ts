// End to end in a real browser: the HTML report built from data, opened from file:// in Debian's
// Chromium (playwright-core). It must draw every chart with no console or page error, fetch
// nothing (every request is routed and recorded), and show hostile strings from the data as
// text: no script runs, no dialog opens; the workbook keeps a formula-looking id a plain string.
// Where /usr/bin/chromium is missing the suite skips with a message, but fails in CI (CI=true),
// where `.ci/run` installs Debian's chromium package.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { REPO_ROOT } from "../helpers/shared-data.js";
import { HAS_CHROMIUM, INSTALL_HINT, IN_CI, launchChromium } from "./chromium.js";

// The little of the DOM that the page.evaluate callbacks use (the project's tsconfig has no DOM lib;
// these declarations stay local to this module).
interface DomList extends Iterable<DomElement> { readonly length: number }
interface DomElement {
  readonly id: string;
  readonly textContent: string | null;
  readonly data?: unknown;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): DomList;
  getAttribute(name: string): string | null;
  getAttributeNS(namespace: string, name: string): string | null;
}
declare const document: { querySelectorAll(selector: string): DomList };

const ARTIFACTS = path.join(REPO_ROOT, "reports", "artifacts");
const XSS_ID = "<img src=x onerror=alert(1)>";
const FORMULA_ID = '=HYPERLINK("http://x","y")';

if (!HAS_CHROMIUM && !IN_CI) console.warn(`browser tests skipped: ${INSTALL_HINT}`);

/** Runs `crm report` in process; returns the two output paths or throws with its stderr. */
async function crmReport(...argv: string[]): Promise<{ html: string; xlsx: string }> {
  let out = "";
  let err = "";
  const code = await runCli(["report", "--json", ...argv], { out: (t) => (out += t), err: (t) => (err += `${t}\n`) });
  if (code !== 0) throw new Error(`crm report ${argv.join(" ")} exited ${code}: ${err}`);
  return JSON.parse(out) as { html: string; xlsx: string };
}

/** A CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180). */
const csvField = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * A small transactions file whose two biggest spenders have hostile ids, so that they head the
 * "top customers" tables of the HTML and of the workbook. Seeded: the same file every run.
 */
function hostileTransactions(file: string): void {
  let seed = 7;
  const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed / 2147483648);
  const ids = [XSS_ID, FORMULA_ID, ...Array.from({ length: 80 }, (_, i) => `C${String(i + 1).padStart(3, "0")}`)];
  const lines = ["customer_id,order_id,date,channel,category,amount,cost"];
  const start = Date.UTC(2024, 0, 1);
  let order = 0;
  ids.forEach((id, k) => {
    const n = k < 2 ? 12 : 1 + Math.floor(rand() * 6);
    for (let j = 0; j < n; j++) {
      const date = new Date(start + Math.floor(rand() * 700) * 86_400_000).toISOString().slice(0, 10);
      const amount = k < 2 ? 500 + rand() * 100 : 10 + rand() * 90;
      const category = ["home", "garden", "toys"][Math.floor(rand() * 3)]!;
      lines.push([csvField(id), `O${++order}`, date, k % 2 ? "web" : "store", category, amount.toFixed(2), (amount * 0.6).toFixed(2)].join(","));
    }
  });
  writeFileSync(file, `${lines.join("\n")}\n`);
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  /** Every request the page made (Chromium's own log, which also lists data: URLs). */
  requests: string[];
  /** Requests the router saw and aborted: everything but the page itself. */
  blocked: string[];
}

/** Opens a report file in a fresh context where every request but the page itself is aborted. */
async function openReport(browser: Browser, htmlFile: string): Promise<Opened> {
  const pageUrl = pathToFileURL(htmlFile).href;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const o: Opened = { page: await context.newPage(), consoleErrors: [], pageErrors: [], dialogs: [], requests: [], blocked: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === pageUrl) return route.continue();
    o.blocked.push(url);
    return route.abort("blockedbyclient");
  });
  // playwright's request events leave out data: URLs; Chromium's network log has them all.
  const cdp = await context.newCDPSession(o.page);
  cdp.on("Network.requestWillBeSent", (e: { request: { url: string } }) => o.requests.push(e.request.url));
  cdp.on("Network.webSocketCreated", (e: { url: string }) => o.requests.push(e.url));
  await cdp.send("Network.enable");
  o.page.on("console", (m) => { if (m.type() === "error") o.consoleErrors.push(m.text()); });
  o.page.on("pageerror", (e) => o.pageErrors.push(e.message));
  o.page.on("dialog", (d) => { o.dialogs.push(`${d.type()}: ${d.message()}`); void d.dismiss(); });
  await o.page.goto(pageUrl, { waitUntil: "load" });
  // Plotly draws from the inline script at load; give it a moment, then the test asserts.
  await o.page
    .waitForFunction(() => [...document.querySelectorAll("figure.chart")].every((f) => f.querySelector(".js-plotly-plot .main-svg")), null, { timeout: 15_000 })
    .catch(() => undefined);
  return o;
}

interface ChartState { id: string; title: string; plotly: boolean; svg: number; traces: number; data: number }

/** Per chart container: is there a Plotly SVG, how many drawn trace elements, how many traces in its data. */
function chartStates(page: Page): Promise<ChartState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll("figure.chart")].map((fig) => {
      const plot = fig.querySelector(".js-plotly-plot");
      return {
        id: plot?.id ?? fig.querySelector("[id]")?.id ?? "(no id)",
        title: fig.querySelector("h3")?.textContent ?? "",
        plotly: plot !== null,
        svg: fig.querySelectorAll(".js-plotly-plot .main-svg").length,
        // scatter/bar traces are g.trace; a heatmap is one image in g.hm; a pie is g.slice
        traces: fig.querySelectorAll(".main-svg g.trace, .main-svg g.hm image, .main-svg g.slice").length,
        data: Array.isArray(plot?.data) ? plot.data.length : 0,
      };
    }),
  );
}

/**
 * Requests that are not the page itself, less the bitmaps Plotly paints for heatmaps: it draws
 * each heatmap on a canvas and shows it as an SVG <image> with a data:image/png href, which
 * Chromium logs as a request. Those are allowed only when they are exactly such an href.
 */
async function foreignRequests(o: Opened): Promise<string[]> {
  const pageUrl = o.page.url();
  const heatmapImages = new Set(
    await o.page.evaluate(() =>
      [...document.querySelectorAll(".js-plotly-plot g.hm image")].map(
        (img) => img.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? img.getAttribute("href") ?? "",
      ),
    ),
  );
  const others = o.requests.filter((u) => u !== pageUrl && !(u.startsWith("data:image/png;base64,") && heatmapImages.has(u)));
  return [...new Set([...others, ...o.blocked])].map((u) => (u.length > 120 ? `${u.slice(0, 120)}...` : u));
}

describe.skipIf(!HAS_CHROMIUM && !IN_CI)("the HTML report in Debian's Chromium", () => {
  let dir = "";
  let browser: Browser | undefined;
  let sample: { html: string; xlsx: string };
  let hostile: { html: string; xlsx: string };

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`CI=true and ${INSTALL_HINT}; .ci/run should have installed it`);
    dir = mkdtempSync(path.join(tmpdir(), "crm-browser-"));
    const launching = launchChromium(); // starts while the reports are built
    launching.catch(() => undefined); // its failure is reported where it is awaited below
    sample = await crmReport("--out", path.join(dir, "sample"));
    const csv = path.join(dir, "hostile.csv");
    hostileTransactions(csv);
    hostile = await crmReport("--input", csv, "--out", path.join(dir, "hostile"), "--sections", "customer-value,rfm-segments");
    browser = await launching;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("loads the sample report offline: every chart drawn, no error, no request leaves the page", async () => {
    const o = await openReport(browser!, sample.html);
    try {
      // the artifact first, so that a failing run leaves a picture of what went wrong
      mkdirSync(ARTIFACTS, { recursive: true });
      await o.page.screenshot({ path: path.join(ARTIFACTS, "report.png"), fullPage: true });

      const charts = await chartStates(o.page);
      // the sample with every section has more than 20 charts (28 when this test was written)
      expect(charts.length, "chart containers (figure.chart) in the sample report").toBeGreaterThanOrEqual(20);
      const undrawn = charts.filter((c) => !c.plotly || c.svg < 1 || c.traces < 1 || c.data < 1);
      expect(undrawn, "charts with no Plotly SVG or no trace drawn").toEqual([]);
      expect(await foreignRequests(o), "requests other than the page itself").toEqual([]);
      expect(o.pageErrors, "uncaught page errors").toEqual([]);
      expect(o.consoleErrors, "console errors").toEqual([]);
      expect(o.dialogs, "dialogs").toEqual([]);
    } finally {
      await o.page.context().close();
    }
  }, 60_000);

  it("shows hostile customer ids from the data as text: no markup, no script, no dialog", async () => {
    const o = await openReport(browser!, hostile.html);
    try {
      await o.page.waitForTimeout(300); // an onerror handler would fire by now
      expect(o.dialogs, "dialogs opened by the page").toEqual([]);
      expect(await foreignRequests(o), "requests other than the page itself").toEqual([]);
      expect(o.pageErrors, "uncaught page errors").toEqual([]);
      expect(o.consoleErrors, "console errors").toEqual([]);
      for (const id of [XSS_ID, FORMULA_ID]) {
        const cell = o.page.getByRole("cell", { name: id, exact: true }).first();
        expect(await cell.isVisible(), `table cell showing ${id}`).toBe(true);
        expect(await cell.textContent()).toBe(id);
      }
      const injected = await o.page.evaluate(() => ({
        img: document.querySelectorAll("img").length,
        links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")).filter((h) => !h!.startsWith("#")),
        onerror: document.querySelectorAll("[onerror]").length,
      }));
      expect(injected, "elements made from data").toEqual({ img: 0, links: [], onerror: 0 });
      const charts = await chartStates(o.page);
      expect(charts.filter((c) => c.svg < 1 || c.traces < 1), "charts not drawn").toEqual([]);
    } finally {
      await o.page.context().close();
    }
  }, 30_000);

  it("keeps the formula-looking id a plain string in the workbook (exceljs reads it back)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(hostile.xlsx);
    const found: Record<string, string[]> = { [XSS_ID]: [], [FORMULA_ID]: [] };
    const formulas: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (/HYPERLINK|http/i.test(cell.formula ?? "")) formulas.push(`${ws.name}!${cell.address}: ${cell.formula}`);
          if (typeof cell.value === "string" && cell.value in found) {
            expect(cell.type, `${ws.name}!${cell.address}`).toBe(ExcelJS.ValueType.String);
            found[cell.value]!.push(`${ws.name}!${cell.address}`);
          }
        }),
      ),
    );
    expect(found[FORMULA_ID]!.length, `cells holding ${FORMULA_ID} as text`).toBeGreaterThan(0);
    expect(found[XSS_ID]!.length, `cells holding ${XSS_ID} as text`).toBeGreaterThan(0);
    expect(formulas, "formula cells made from the data").toEqual([]);
  });
});
