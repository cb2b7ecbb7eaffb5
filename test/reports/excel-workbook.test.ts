import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { SaxesParser } from "saxes";
import { buildCustomerReport, renderExcel } from "../../src/reports/index.js";
import type { Report, ReportChart } from "../../src/reports/index.js";
import { parseAbsoluteRef } from "../../src/reports/excel/drawing/xlsx-cell-ref.js";
import { reportCommand } from "../../src/cli/commands/report.js";
import { FORMULA_ID, GENERATED_AT, handLedger, handSummary } from "./fixtures.js";

/** CT_Worksheet child order (ECMA-376 part 1, 18.3.1.99). */
const WORKSHEET_ORDER = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting", "dataValidations",
  "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors",
  "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** Parses strictly (namespaces checked); returns the local names of the root's children. */
function parseXml(xml: string, part: string): string[] {
  const children: string[] = [];
  let depth = 0;
  const p = new SaxesParser({ xmlns: true });
  p.on("error", (e) => { throw new Error(`${part}: ${e.message}`); });
  p.on("opentag", (t) => { if (depth === 1) children.push(t.local); depth += 1; });
  p.on("closetag", () => { depth -= 1; });
  p.write(xml).close();
  return children;
}

const rels = (xml: string) => [...xml.matchAll(/<Relationship\b[^>]*\bId="([^"]+)"[^>]*\bType="([^"]+)"[^>]*\bTarget="([^"]+)"/g)].map((m) => ({ id: m[1]!, type: m[2]!, target: m[3]! }));
const resolve = (from: string, target: string) => {
  const parts = from.split("/").slice(0, -1);
  for (const seg of target.split("/")) seg === ".." ? parts.pop() : parts.push(seg);
  return parts.join("/");
};

interface Checked { wb: ExcelJS.Workbook; zip: JSZip; charts: string[]; formulas: string[] }

/** Opens the workbook with exceljs and checks the package: XML, relationships, content types, chart formulas. */
async function check(buf: Buffer): Promise<Checked> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const zip = await JSZip.loadAsync(buf);
  const files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
  const xml = new Map<string, string>();
  for (const f of files.filter((f) => /\.(xml|rels)$/.test(f))) {
    const text = await zip.file(f)!.async("string");
    xml.set(f, text);
    const kids = parseXml(text, f);
    if (/^xl\/worksheets\/sheet\d+\.xml$/.test(f)) {
      const idx = kids.map((k) => WORKSHEET_ORDER.indexOf(k));
      expect(idx.every((i) => i >= 0), `${f}: ${kids.join(",")}`).toBe(true);
      expect(idx, `${f} order: ${kids.join(",")}`).toEqual([...idx].sort((a, b) => a - b));
    }
  }
  const types = xml.get("[Content_Types].xml")!;
  const charts = files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  const drawings = files.filter((f) => /^xl\/drawings\/drawing\d+\.xml$/.test(f));
  for (const f of [...charts, ...drawings]) expect(types, f).toContain(`PartName="/${f}"`);
  const referenced = new Set<string>();
  for (const [f, text] of xml) {
    if (!f.endsWith(".rels")) continue;
    const owner = f.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    for (const r of rels(text)) {
      if (/^https?:/.test(r.target)) continue;
      const target = r.target.startsWith("/") ? r.target.slice(1) : resolve(owner, r.target);
      expect(files, `${f} -> ${r.target}`).toContain(target);
      referenced.add(target);
      if (r.type.endsWith("/drawing")) expect(xml.get(owner)).toContain(`<drawing r:id="${r.id}"/>`);
      if (r.type.endsWith("/chart")) expect(xml.get(owner)).toContain(`r:id="${r.id}"`);
    }
  }
  for (const f of [...charts, ...drawings]) expect(referenced.has(f), `${f} is referenced`).toBe(true);
  const formulas: string[] = [];
  for (const f of charts) {
    const text = xml.get(f)!;
    for (const m of text.matchAll(/<c:(numRef|strRef)><c:f>([^<]+)<\/c:f>/g)) {
      const formula = m[2]!.replace(/&apos;/g, "'").replace(/&amp;/g, "&");
      const ref = parseAbsoluteRef(formula);
      formulas.push(formula);
      const ws = wb.getWorksheet(ref.sheet);
      expect(ws, `${f}: sheet ${ref.sheet}`).toBeDefined();
      let filled = 0;
      for (let r = ref.r1; r <= ref.r2; r++) for (let c = ref.c1; c <= ref.c2; c++) {
        const v = ws!.getCell(r, c).value;
        if (v === null || v === undefined) continue;
        filled += 1;
        expect(typeof v, `${f}: ${m[2]} row ${r}`).toBe(m[1] === "numRef" ? "number" : "string");
      }
      expect(filled, `${f}: ${m[2]} is empty`).toBeGreaterThan(0);
    }
  }
  return { wb, zip, charts, formulas };
}

const handReport = (): Report => {
  const base = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, currency: "USD" });
  // Chart descriptions written by hand: the Excel renderer reads nothing else.
  const combo: ReportChart = { title: "Rate by group", caption: "Response rate with its interval.", figure: {
    title: "", x: { title: "x" }, y: { title: "Share", format: "percent" }, legend: true, marks: [
      { kind: "bar", name: "Rate", x: ["A", "B"], y: [0.1, 0.05], colour: "primary" },
      { kind: "scatter", name: "Low", x: ["A", "B"], y: [0.08, 0.03], colour: "secondary" },
    ] } };
  const curve: ReportChart = { title: "Gains", caption: "Gains curve.", figure: {
    title: "", x: { title: "Contacted (%)" }, y: { title: "Found (%)" }, legend: true, marks: [
      { kind: "line", name: "model", x: [0, 10, 20, 30], y: [0, 30, 50, 60], colour: "primary" },
      { kind: "scatter", name: "random", x: [0, 0, 100], y: [0, 1, 100], colour: "secondary" },
    ] } };
  const heat: ReportChart = { title: "Grid", caption: "R by F.", figure: {
    title: "", x: { title: "x" }, y: { title: "y" }, legend: false,
    marks: [{ kind: "heatmap", x: [1, 2, 3], y: ["a", "b"], z: [[1, 2, 3], [4, null, 6]], colourScale: "sequential", valueTitle: "" }] } };
  const extra = { id: "extra", title: "Extra", narrative: ["Made by hand."], kpis: [], tables: [], charts: [combo, curve, heat] };
  return { ...base, assumptions: [{ label: "Discount rate", value: "0.8 % a month" }], sections: [...base.sections, extra] };
};

describe("renderExcel workbook", () => {
  let hand: Checked;
  beforeAll(async () => { hand = await check(await renderExcel(handReport())); });

  it("has the cover, a sheet per section and the assumptions", () => {
    expect(hand.wb.worksheets.map((w) => w.name)).toEqual(["Cover", "Data quality", "Customer summary", "Extra", "Assumptions and method"]);
    const cover = hand.wb.getWorksheet("Cover")!;
    expect(cover.getCell("A1").value).toBe("Customer report");
    expect(cover.getCell("B3").value).toBe("2 April 2024, 08:30 UTC");
    expect(cover.getCell("B4").value).toBe("USD");
    expect(cover.getCell("A8").value).toBe("Share of rows used");
    expect(String(cover.getCell("D8").value)).toMatch(/rows used/);
    const a = hand.wb.getWorksheet("Assumptions and method")!;
    expect([a.getCell("A5").value, a.getCell("B5").value]).toEqual(["Discount rate", "0.8 % a month"]);
  });

  it("adds native bar, line and scatter charts whose formulas read numbers on their own sheet", async () => {
    const kinds = await Promise.all(hand.charts.map(async (f) => (await hand.zip.file(f)!.async("string")).match(/<c:(bar|line|scatter)Chart>/g)!.join("")));
    expect(kinds).toEqual(["<c:barChart>", "<c:barChart>", "<c:barChart><c:lineChart>", "<c:scatterChart>"]);
    expect(hand.formulas.filter((f) => f.startsWith("'Extra'"))).toEqual([
      "'Extra'!$B$5", "'Extra'!$A$6:$A$7", "'Extra'!$B$6:$B$7", "'Extra'!$C$5", "'Extra'!$A$6:$A$7", "'Extra'!$C$6:$C$7", // combo: bars + markers
      "'Extra'!$B$24", "'Extra'!$A$25:$A$28", "'Extra'!$B$25:$B$28", "'Extra'!$C$24", "'Extra'!$A$29:$A$31", "'Extra'!$C$29:$C$31", // scatter blocks
    ]);
    const gains = await hand.zip.file(hand.charts[3]!)!.async("string");
    expect(gains).toContain("<c:yVal><c:numRef><c:f>&apos;Extra&apos;!$C$29:$C$31</c:f>"); // the second trace's own block of rows
    const extra = hand.wb.getWorksheet("Extra")!;
    expect([extra.getCell("A29").value, extra.getCell("A30").value, extra.getCell("C30").value]).toEqual([0, 0, 1]); // repeated x kept
  });

  it("sets number formats, frozen panes, autofilter, colour scales, data bars, names and print set-up", () => {
    const ws = hand.wb.getWorksheet("Customer summary")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen" });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, fitToHeight: 0 });
    const extra = hand.wb.getWorksheet("Extra")!;
    const rules = (w: ExcelJS.Worksheet) => (w as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings.flatMap((c) => c.rules.map((r) => r.type));
    expect(rules(extra)).toContain("colorScale");
    expect(rules(ws)).toContain("dataBar");
    expect(extra.getCell("B6").numFmt).toBe("0.0%");
    expect(hand.wb.definedNames.model.map((n) => n.name)).toContain("tbl_Customer_summary_Top_5_customers_by_total_spend");
  });

  it("keeps a formula-like customer id a plain string", () => {
    const ws = hand.wb.getWorksheet("Customer summary")!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (c.value === FORMULA_ID) cells.push(c); }));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) { expect(c.type).toBe(ExcelJS.ValueType.String); expect(c.formula).toBeUndefined(); }
  });
});

describe("renderExcel on the full sample report", () => {
  const dir = mkdtempSync(join(tmpdir(), "crm-xlsx-"));
  let sample: Checked;
  beforeAll(async () => {
    const out: string[] = [];
    const code = await reportCommand.run(["--out", dir], { out: (t) => out.push(t), err: () => {} });
    expect(code).toBe(0);
    sample = await check(readFileSync(join(dir, "customer-report.xlsx")));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("has every sheet, native charts on the analysis sheets and colour scales on the matrix tables", () => {
    const names = sample.wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe("Cover");
    expect(names.at(-1)).toBe("Assumptions and method");
    expect(names).toContain("Data quality");
    expect(names.length).toBe(14);
    expect(sample.charts.length).toBeGreaterThanOrEqual(20);
    for (const name of ["Cohorts and retention", "Segment migration", "RFM segments"]) {
      const w = sample.wb.getWorksheet(name)!;
      const cf = (w as unknown as { conditionalFormattings: { rules: { type: string }[] }[] }).conditionalFormattings;
      expect(cf.some((c) => c.rules.some((r) => r.type === "colorScale")), name).toBe(true);
    }
  });
});
