import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildCustomerReport, renderExcel } from "../../src/reports/index.js";
import { FORMULA_ID, GENERATED_AT, XSS_ID, handLedger, handSummary } from "./fixtures.js";

async function open(): Promise<ExcelJS.Workbook> {
  const report = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, currency: "USD" });
  const buf = await renderExcel(report);
  expect(Buffer.isBuffer(buf)).toBe(true);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function findRow(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(`no row starting with ${text}`);
}

describe("renderExcel", () => {
  it("has a sheet per section", async () => {
    const wb = await open();
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cover", "Data quality", "Customer summary", "Assumptions and method"]);
  });

  it("writes the KPIs block with number formats", async () => {
    const ws = (await open()).getWorksheet("Customer summary")!;
    const r = findRow(ws, "Mean spend");
    expect(ws.getCell(r, 2).value).toBeCloseTo(321.1, 10);
    expect(ws.getCell(r, 2).numFmt).toBe('#,##0.00" USD"');
    const rep = findRow(ws, "Repeat customers");
    expect(ws.getCell(rep, 2).value).toBeCloseTo(0.6, 12);
    expect(ws.getCell(rep, 2).numFmt).toBe("0.0%");
    expect(ws.getCell(findRow(ws, "Customers"), 2).numFmt).toBe("#,##0");
  });

  it("writes the top customers table: bold frozen header, autofilter, formats, widths", async () => {
    const ws = (await open()).getWorksheet("Customer summary")!;
    const header = findRow(ws, "Top 5 customers by total spend") + 1;
    expect(ws.getRow(header).values).toEqual([undefined, "Rank", "Customer", "Total spend (USD)", "Share of all spend", "Orders",
      "Repeat purchases", "First purchase", "Last purchase", "Days since last purchase"]);
    expect(ws.getCell(header, 1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: header });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getCell(header + 1, 2).value).toBe("C-5");
    expect(ws.getCell(header + 1, 3).value).toBe(1000);
    expect(ws.getCell(header + 1, 3).numFmt).toBe('#,##0.00" USD"');
    expect(ws.getCell(header + 1, 4).numFmt).toBe("0.0%");
    expect(ws.getCell(header + 1, 5).numFmt).toBe("#,##0");
    expect(ws.getCell(header + 1, 7).value).toEqual(new Date("2024-03-01T00:00:00Z"));
    expect(ws.getColumn(2).width).toBeGreaterThanOrEqual(FORMULA_ID.length);
  });

  it("writes formula-like and markup-like ids as plain strings, never formulas", async () => {
    const ws = (await open()).getWorksheet("Customer summary")!;
    const header = findRow(ws, "Top 5 customers by total spend") + 1;
    const cell = ws.getCell(header + 4, 2);
    expect(cell.value).toBe(FORMULA_ID);
    expect(typeof cell.value).toBe("string");
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(ws.getCell(header + 3, 2).value).toBe(XSS_ID);
  });

  it("writes the chart data and the data quality tables", async () => {
    const wb = await open();
    const ws = wb.getWorksheet("Customer summary")!;
    const r = findRow(ws, "Chart data: Repeat purchases") + 1;
    expect(ws.getCell(r, 2).value).toBe("Customers (count)");
    expect(ws.getCell(r + 1, 1).value).toBe("0");
    expect(ws.getCell(r + 1, 2).value).toBe(2);
    const dq = wb.getWorksheet("Data quality")!;
    const h = findRow(dq, "Rejected rows by reason") + 1;
    expect(dq.getCell(h + 1, 1).value).toBe("bad-date");
    expect(dq.getCell(h + 1, 2).value).toBe(2);
    expect(dq.getCell(findRow(dq, "Rows read"), 2).value).toBe(8);
  });
});
