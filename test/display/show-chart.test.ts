import { beforeEach, describe, expect, it } from "vitest";
import { resetDisplaySession, showChart, type DisplaySink } from "../../src/display/index.js";
import { scriptJson } from "../../src/reports/index.js";
import { frequencyChart } from "../../src/charts/index.js";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";

function capture(): DisplaySink & { shown: string[] } {
  const shown: string[] = [];
  return { shown, html: (s: string) => void shown.push(s) };
}
const BUNDLE = "data-crm-plotly-bundle";
const count = (s: string, part: string) => s.split(part).length - 1;
const fig = { data: [{ type: "bar", x: ["a", "b"], y: new Float64Array([3, 5]) }], layout: { title: { text: "Orders" } } };

describe("showChart", () => {
  beforeEach(() => resetDisplaySession());

  it("sends the plotly bundle exactly once per session, and again after a reset", () => {
    const sink = capture();
    showChart(fig, { sink });
    showChart(fig, { sink });
    const all = sink.shown.join("\n");
    expect(count(all, BUNDLE)).toBe(1);
    expect(count(all, "window.Plotly = Plotly")).toBe(1);
    expect(count(all, "window.Plotly.newPlot(el")).toBe(2);
    expect(count(sink.shown[1] as string, "Plotly.newPlot(el")).toBe(1);
    expect(sink.shown[0]?.indexOf(BUNDLE)).toBeLessThan(sink.shown[0]?.indexOf('class="crm-chart"') as number);
    resetDisplaySession();
    showChart(fig, { sink });
    expect(count(sink.shown.join("\n"), BUNDLE)).toBe(2);
  });

  it("guards the bundle against a second inclusion and keeps it inside one script", () => {
    const html = showChart(fig, { sink: capture() });
    const bundle = html.slice(0, html.indexOf("</script>") + 9);
    expect(bundle).toMatch(/^<script[^>]*data-crm-plotly-bundle[^>]*>\nif \(typeof window.Plotly === "undefined"\) \{/);
    expect(bundle.length).toBeGreaterThan(1_000_000);
    expect(count(bundle.toLowerCase(), "</script")).toBe(1);
  });

  it("sink null returns a self-contained chart and leaves the session alone", () => {
    const a = showChart(fig, { sink: null });
    expect(count(a, BUNDLE)).toBe(1);
    const sink = capture();
    showChart(fig, { sink });
    expect(count(sink.shown[0] as string, BUNDLE)).toBe(1);
  });

  it("data cannot close the script tag or run", () => {
    const sink = capture();
    showChart(fig, { sink });
    const evil = { data: [{ type: "bar", x: ["</script><script>alert(1)</script>", "<!--", "a\u2028b & c"], y: [1, 2, 3] }] };
    const html = showChart(evil, { sink, title: "</SCRIPT>" });
    expect(count(html.toLowerCase(), "</script")).toBe(1);
    expect(count(html.toLowerCase(), "<script")).toBe(1);
    expect(html).not.toContain("<!--");
    expect(html).not.toContain("\u2028");
    const json = html.slice(html.indexOf("var fig = ") + 10, html.indexOf(";\n  window.Plotly.newPlot"));
    const parsed = JSON.parse(json);
    expect(parsed.data[0].x).toEqual(evil.data[0]?.x);
    expect(parsed.layout.title).toEqual({ text: "</SCRIPT>" });
    expect(parsed.config).toMatchObject({ responsive: true });
  });

  it("sends typed arrays as arrays and rejects figures without data", () => {
    expect(scriptJson({ y: new Float64Array([1.5, 2]) })).toBe('{"y":[1.5,2]}');
    expect(scriptJson({ s: "</script>&" })).toBe('{"s":"\\u003c/script\\u003e\\u0026"}');
    expect(() => showChart({ layout: {} } as never, { sink: null })).toThrow("showChart: figure.data must be an array of traces, got data = undefined");
    const circular: { data: object[] } = { data: [] };
    circular.data.push(circular);
    expect(() => showChart(circular, { sink: null })).toThrow(/^showChart: the value cannot be turned into JSON/);
  });

  it("draws a chart description through the Plotly renderer", () => {
    const spec = frequencyChart([0, 0, 1]);
    const html = showChart(spec, { sink: capture(), title: "Repeat buyers" });
    const parsed = JSON.parse(html.slice(html.indexOf("var fig = ") + 10, html.indexOf(";\n  window.Plotly.newPlot")));
    const figure = toPlotlyFigure(spec);
    expect(parsed.data).toEqual(JSON.parse(JSON.stringify(figure.data)));
    expect(parsed.layout).toEqual({ ...JSON.parse(JSON.stringify(figure.layout)), title: { text: "Repeat buyers" } });
  });
});
