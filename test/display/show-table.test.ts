import { describe, expect, it } from "vitest";
import * as aq from "arquero";
import { showTable, tableHtml, type DisplaySink } from "../../src/display/index.js";
import { escapeHtml } from "../../src/reports/index.js";

function capture(): DisplaySink & { shown: string[] } {
  const shown: string[] = [];
  return { shown, html: (s: string) => void shown.push(s) };
}

const cells = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);

describe("showTable", () => {
  const big = aq.table({ id: Array.from({ length: 2357 }, (_, i) => String(i + 1).padStart(5, "0")), n: Array.from({ length: 2357 }, (_, i) => i * 1000) });

  it("pages and captions the range", () => {
    const sink = capture();
    const html = showTable(big, { sink, title: "Customers" });
    expect(sink.shown).toEqual([html]);
    expect(html).toContain("Customers · rows 1-20 of 2,357");
    expect((html.match(/<tr>/g) ?? []).length).toBe(21);
    expect(cells(html).slice(0, 2)).toEqual(["00001", "0"]);
    const p2 = showTable(big, { sink, page: 2, pageSize: 50 });
    expect(p2).toContain("rows 51-100 of 2,357");
    expect(cells(p2).slice(0, 2)).toEqual(["00051", "50,000"]);
    const last = tableHtml(big, { page: 118 });
    expect(last).toContain("rows 2,341-2,357 of 2,357");
    expect(tableHtml([{ a: 1 }, { a: 2 }])).toContain(">2 rows</caption>");
  });

  it("rejects pages that do not exist", () => {
    expect(() => tableHtml(big, { page: 119 })).toThrow("showTable: page must be a whole number from 1 to 118 (2357 rows, 20 a page), got 119");
    expect(() => tableHtml(big, { pageSize: 0 })).toThrow(RangeError);
    expect(() => showTable(42 as never, { sink: null })).toThrow("showTable: expected a table (records, arquero table, danfo DataFrame or columns object), but got a number (42)");
  });

  it("formats numbers: separators, fixed decimals for fractions, whole numbers plain, right-aligned", () => {
    const html = tableHtml({ id: ["00042", "7"], orders: new Float64Array([1234, 5]), spend: new Float64Array([1234.5, 0.125]), p: [NaN, null] });
    expect(cells(html)).toEqual(["00042", "1,234", "1,234.50", "NaN", "7", "5", "0.13", ""]);
    expect(html).toMatch(/<td style="[^"]*text-align:right[^"]*">1,234<\/td>/);
    expect(html).toMatch(/<td style="[^"]*text-align:left[^"]*">00042<\/td>/);
    const custom = tableHtml({ year: [2024], x: [1.23456] }, { format: { decimals: 3, columns: { year: (v) => String(v) } } });
    expect(cells(custom)).toEqual(["2024", "1.235"]);
  });

  it("escapes data strings and column names so they show and never run", () => {
    const evil = "<img src=x onerror=alert(1)>";
    const html = tableHtml([{ [evil]: evil, ok: "a & b" }]);
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("a &amp; b");
    expect(tableHtml([{ a: 1 }], { title: "<b>T</b>" })).toContain("&lt;b&gt;T&lt;/b&gt; · 1 row");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });

  it("explains what to do outside a kernel", () => {
    expect(() => showTable([{ a: 1 }])).toThrow(/^showTable: not running in a tslab kernel .*pass \{ sink/);
    expect(showTable([{ a: 1 }], { sink: null })).toContain("<table");
  });
});

describe("showTable takes rows typed by an interface", () => {
  it("shows a model's summary() rows without conversion", async () => {
    const { bgNbdFromParams } = await import("../../src/models/purchase/bg-nbd.js");
    const rows = bgNbdFromParams({ r: 0.2, alpha: 4, a: 0.8, b: 2.4 }).summary();
    const html = tableHtml(rows, {});
    expect(html).toContain("alpha");
  });
});
