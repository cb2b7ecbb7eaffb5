// End to end: `crm report` with --locale, --top, --anonymise(-key) and --pdf on a small generated data set.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { pdfBrowser } from "../../src/reports/pdf/pdf-browser.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-report-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function crm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await runCli(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

const data = path.join(dir, "data");
let ids: string[] = [];
const input = () => ["--input", path.join(data, "transactions.csv"), "--service-events", path.join(data, "service_events.csv"),
  "--customers", path.join(data, "customers.csv"), "--contacts", path.join(data, "campaign_contacts.csv")];

async function workbookText(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const parts: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => parts.push(String(c.text)))));
  return parts.join("\n");
}

beforeAll(async () => {
  expect((await crm("generate", "--customers", "60", "--seed", "3", "--out", data)).code).toBe(0);
  ids = [...new Set(readFileSync(path.join(data, "transactions.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]!))];
  expect(ids.length).toBeGreaterThan(40);
}, 60_000);

describe("crm report: new options", () => {
  it("--top lists every customer; without --anonymise every id is in the HTML and the workbook", async () => {
    const out = path.join(dir, "plain");
    const r = await crm("report", ...input(), "--top", "100", "--out", out, "--json");
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(path.join(out, "customer-report.html"), "utf8");
    const xlsx = await workbookText(path.join(out, "customer-report.xlsx"));
    for (const id of ids) {
      expect(html).toContain(id);
      expect(xlsx).toContain(id);
    }
  }, 60_000);

  it("--anonymise leaves no original id in the HTML or the workbook, and maps ids the same way every time", async () => {
    const runs: string[] = [];
    for (const name of ["anon-1", "anon-2"]) {
      const out = path.join(dir, name);
      const r = await crm("report", ...input(), "--top", "100", "--anonymise", "--out", out);
      expect(r.code, r.err).toBe(0);
      const html = readFileSync(path.join(out, "customer-report.html"), "utf8");
      const xlsx = await workbookText(path.join(out, "customer-report.xlsx"));
      for (const id of ids) {
        expect(html).not.toContain(id);
        expect(xlsx).not.toContain(id);
      }
      const pseudonyms = [...new Set(html.match(/C-[0-9a-f]{8}\b/g))].sort();
      expect(pseudonyms).toHaveLength(ids.length);
      expect([...new Set(xlsx.match(/C-[0-9a-f]{8}\b/g))].sort()).toEqual(pseudonyms);
      runs.push(pseudonyms.join(","));
    }
    expect(runs[1]).toBe(runs[0]);
    const keyed = path.join(dir, "anon-key");
    expect((await crm("report", ...input(), "--top", "100", "--anonymise", "--anonymise-key", "s3cret", "--out", keyed)).code).toBe(0);
    const other = [...new Set(readFileSync(path.join(keyed, "customer-report.html"), "utf8").match(/C-[0-9a-f]{8}\b/g))].sort();
    expect(other).toHaveLength(ids.length);
    expect(other.join(",")).not.toBe(runs[0]);
  }, 120_000);

  it("--locale de-DE formats money as 1.234,50 EUR in the HTML", async () => {
    const out = path.join(dir, "de");
    const r = await crm("report", ...input(), "--locale", "de-DE", "--currency", "EUR", "--sections", "customer-value", "--out", out);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(path.join(out, "customer-report.html"), "utf8");
    expect(html).toContain(`data-locale="de-DE"`);
    expect(html).toMatch(/<td class="num" data-value="[0-9.]+">\d{1,3}(\.\d{3})*,\d{2} EUR<\/td>/);
    expect(html).not.toMatch(/https?:\/\//);
  }, 60_000);

  it("answers a bad --locale, --top or --anonymise-key with one line and exit code 2", async () => {
    const cases: [string[], string][] = [
      [["--locale", "de_DE"], 'crm report: --locale must be a language tag this Node supports, such as en-GB or de-DE (got "de_DE")\n'],
      [["--locale", "xx-XX"], 'crm report: --locale must be a language tag this Node supports, such as en-GB or de-DE (got "xx-XX")\n'],
      [["--top", "0"], 'crm report: --top must be a whole number from 1 to 100000 (got "0")\n'],
      [["--top", "ten"], 'crm report: --top must be a whole number from 1 to 100000 (got "ten")\n'],
      [["--anonymise-key", "k"], "crm report: --anonymise-key needs --anonymise\n"],
      [["--generated-at", "2026-12-03 14:05"], 'crm report: --generated-at must be an ISO 8601 date-time with a zone such as 2026-12-03T14:05:00Z, or a day such as 2026-12-03 (got "2026-12-03 14:05")\n'],
      [["--generated-at", "2026-02-30"], 'crm report: --generated-at must be an ISO 8601 date-time with a zone such as 2026-12-03T14:05:00Z, or a day such as 2026-12-03 (got "2026-02-30")\n'],
      [["--currency", "usd"], 'crm report: --currency must be a 3-letter ISO code such as EUR or USD (got "usd")\n'],
    ];
    for (const [argv, message] of cases) {
      const r = await crm("report", ...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toBe(message);
    }
  });

  it("--help documents the new flags and the weakness of the default key", async () => {
    const r = await crm("report", "--help");
    for (const flag of ["--locale", "--top", "--anonymise", "--anonymise-key", "--pdf", "--subtitle", "--generated-at", "SOURCE_DATE_EPOCH", "--currency"]) expect(r.out).toContain(flag);
    expect(r.out).toContain("WITHOUT A SECRET KEY PSEUDONYMS CAN BE REVERSED");
  });

  it("--generated-at and SOURCE_DATE_EPOCH make two runs byte-identical; without them the time is now", async () => {
    const run = async (name: string, extra: string[], epoch?: string): Promise<Buffer[]> => {
      const out = path.join(dir, name);
      const saved = process.env.SOURCE_DATE_EPOCH;
      if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = epoch;
      try {
        const r = await crm("report", ...input(), "--sections", "rfm-segments,cohorts-retention", ...extra, "--out", out);
        expect(r.code, r.err).toBe(0);
      } finally {
        if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
        else process.env.SOURCE_DATE_EPOCH = saved;
      }
      return ["customer-report.html", "customer-report.xlsx"].map((f) => readFileSync(path.join(out, f)));
    };
    const a = await run("pinned-1", ["--generated-at", "2026-12-03T14:05:00Z"]);
    const b = await run("pinned-2", ["--generated-at", "2026-12-03T14:05:00Z"]);
    expect(a[0]!.equals(b[0]!)).toBe(true);
    expect(a[1]!.equals(b[1]!)).toBe(true);
    const html = a[0]!.toString("utf8");
    expect(html).toContain(`<time datetime="2026-12-03T14:05:00.000Z">3 December 2026, 14:05 UTC</time>`);
    // The workbook: document properties and every zip entry carry the pinned time.
    const zip = await JSZip.loadAsync(a[1]!);
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">2026-12-03T14:05:00Z</dcterms:created>`);
    for (const f of Object.values(zip.files)) expect(f.date.toISOString()).toBe("2026-12-03T14:05:00.000Z");
    // 1764770700 s is 2025-12-03T14:05:00Z.
    const c = await run("epoch-1", [], "1764770700");
    const d = await run("epoch-2", [], "1764770700");
    expect(c[0]!.equals(d[0]!) && c[1]!.equals(d[1]!)).toBe(true);
    expect(c[0]!.toString("utf8")).toContain(`<time datetime="2025-12-03T14:05:00.000Z">3 December 2025, 14:05 UTC</time>`);
    // --generated-at wins over SOURCE_DATE_EPOCH.
    const e = await run("both", ["--generated-at", "2026-12-03T14:05:00Z"], "1764770700");
    expect(e[0]!.equals(a[0]!) && e[1]!.equals(a[1]!)).toBe(true);
    const bad = await crm("report", "--sections", "rfm-segments", "--out", path.join(dir, "bad-at"), "--generated-at", "x");
    expect(bad.code).toBe(2);
    const savedEpoch = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = "1.5e9";
    try {
      const badEpoch = await crm("report", "--sections", "rfm-segments", "--out", path.join(dir, "bad-epoch"));
      expect([badEpoch.code, badEpoch.err]).toEqual([2, 'crm report: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, up to 253402300799 (got "1.5e9")\n']);
    } finally {
      if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = savedEpoch;
    }
    // Without either, the current time (a run started after `before` carries a later stamp).
    const before = Date.now();
    const now = (await run("now", []))[0]!.toString("utf8");
    const stamp = Date.parse(/<time datetime="([^"]+)">/.exec(now)![1]!);
    expect(stamp).toBeGreaterThanOrEqual(before - 1000);
  }, 120_000);

  it("names the data by the file's base name, shows no currency unless --currency, and takes --title and --subtitle", async () => {
    const out = path.join(dir, "named");
    const r = await crm("report", ...input(), "--sections", "rfm-segments", "--out", out);
    expect(r.code, r.err).toBe(0);
    const html = readFileSync(path.join(out, "customer-report.html"), "utf8");
    expect(html).toContain(`<p class="subtitle">transactions.csv</p>`);
    expect(html).not.toContain(data);
    expect(html).not.toMatch(/\bEUR\b/);
    expect(await workbookText(path.join(out, "customer-report.xlsx"))).not.toContain(data);
    const named = path.join(dir, "named-2");
    expect((await crm("report", ...input(), "--sections", "rfm-segments", "--title", "Web shop", "--subtitle", "Orders 2025", "--currency", "USD", "--out", named)).code).toBe(0);
    const h2 = readFileSync(path.join(named, "customer-report.html"), "utf8");
    expect(h2).toContain(`<h1>Web shop</h1><p class="subtitle">Orders 2025</p>`);
    expect(h2).toContain("amounts in USD");
    expect(h2).toMatch(/\d\.\d{2} USD</);
  }, 60_000);

  it("--pdf also writes customer-report.pdf when Chromium is installed", async (ctx) => {
    if (pdfBrowser() === undefined) {
      ctx.skip("no Chromium (/usr/bin/chromium or chromium on PATH): --pdf not tested");
      return;
    }
    const out = path.join(dir, "pdf");
    const r = await crm("report", ...input(), "--sections", "rfm-segments", "--pdf", "--out", out, "--json");
    expect(r.code, r.err).toBe(0);
    const paths = JSON.parse(r.out) as { pdf: string };
    expect(paths.pdf).toBe(path.join(out, "customer-report.pdf"));
    expect(readFileSync(paths.pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 120_000);

  it("reads the side files before any analysis: a wrong path stops the report even when no chosen section uses it", async () => {
    for (const [flag, loader] of [["--customers", "loadCustomersFile"], ["--service-events", "loadServiceEventsFile"]] as const) {
      const r = await crm("report", "--input", path.join(data, "transactions.csv"), flag, path.join(dir, "missing.csv"), "--sections", "rfm-segments", "--out", path.join(dir, "missing-out"));
      expect(r.code, flag).toBe(2);
      expect(r.err, flag).toContain(`${loader}: file "${path.join(dir, "missing.csv")}" not found`);
      expect(r.err, flag).not.toContain("RFM segments done");
    }
  });
});

