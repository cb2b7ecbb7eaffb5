import { describe, expect, it } from "vitest";
import { ledgerOf } from "../../src/data/ledger/row-ledger.js";
import { showLedger, showReport, type DisplaySink } from "../../src/display/index.js";

function capture(): DisplaySink & { shown: string[] } {
  const shown: string[] = [];
  return { shown, html: (s: string) => void shown.push(s) };
}

describe("showReport", () => {
  it("previews the report in a sandboxed srcdoc iframe, escaped whole", () => {
    const report = `<!doctype html><html><body><h1 title="x">Q3 & "more"</h1><script>draw()</script></body></html>`;
    const sink = capture();
    const html = showReport(report, { sink, heightPx: 800 });
    expect(sink.shown).toEqual([html]);
    expect(html).toMatch(/^<iframe [^<>]*sandbox="allow-scripts"[^<>]*><\/iframe>$/);
    expect(html).not.toContain("allow-same-origin");
    expect(html).toContain("height:800px");
    const srcdoc = /srcdoc="([^"]*)"/.exec(html)?.[1] ?? "";
    const unescaped = srcdoc.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    expect(unescaped).toBe(report);
    expect(() => showReport(undefined as never, { sink: null })).toThrow("showReport: html must be a string (the rendered report), got undefined");
    expect(() => showReport("", { sink: null, heightPx: -1 })).toThrow(RangeError);
  });
});

describe("showLedger", () => {
  it("summarises read, used, rejected, by reason and the first lines", () => {
    const rejected = Array.from({ length: 12 }, (_, i) => ({ line: 1000 + i, code: i % 3 ? "bad-date" : "bad-amount", reason: `value <${i}> is wrong` }));
    const ledger = ledgerOf("<tx>.csv", 5000, rejected);
    const sink = capture();
    const html = showLedger(ledger, { sink });
    expect(sink.shown).toEqual([html]);
    expect(html).toContain("&lt;tx&gt;.csv</strong>: 5,000 rows read, 4,988 used, 12 rejected");
    expect(html).toMatch(/bad-date<\/td><td[^>]*>8<\/td>.*bad-amount<\/td><td[^>]*>4<\/td>/s);
    expect(html).toContain("First 10 rejected lines");
    expect(html).toContain(">1000</td>");
    expect(html).not.toContain(">1010</td>");
    expect(html).toContain("value &lt;0&gt; is wrong");
    expect(showLedger(ledgerOf("a.csv", 3, []), { sink: null })).not.toContain("<table");
    expect(() => showLedger({} as never, { sink: null })).toThrow(/^showLedger: expected a RowLedger/);
  });
});
