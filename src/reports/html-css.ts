/**
 * The inline style sheet of HTML reports: readable type, KPI cards, striped tables with numbers
 * right-aligned in tabular figures, AA-contrast colours, and print rules (each section on a new
 * page, no cards or charts split across pages, no navigation chrome).
 *
 * @example
 * HTML_CSS.includes("@media print"); // true
 * @throws never
 */
export const HTML_CSS = `
:root { --text: #1F2933; --muted: #52606D; --line: #D9DEE3; --card: #F5F7FA; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--text); background: #fff; }
h1 { font-size: 1.9rem; margin: 0 0 4px; }
h2 { font-size: 1.4rem; margin: 32px 0 12px; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin: 0 0 8px; }
.subtitle { margin: 0; font-size: 1.1rem; color: var(--muted); }
.meta { margin: 4px 0 0; color: var(--muted); font-size: 0.9rem; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
.toc { margin: 20px 0; padding: 12px 20px; background: var(--card); border-radius: 6px; }
.toc h2 { border: 0; margin: 0 0 4px; font-size: 1rem; }
.toc ol { margin: 0; padding-left: 20px; }
.kpis { list-style: none; padding: 0; margin: 16px 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 12px; }
.kpi { background: var(--card); border-left: 4px solid var(--accent); border-radius: 6px; padding: 10px 14px; display: flex; flex-direction: column; min-width: 0; overflow-wrap: anywhere; }
.kpi-label { font-size: 0.85rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
.kpi-value { font-size: 1.5rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.kpi-unit { font-size: 0.85rem; color: var(--muted); }
.kpi-note { font-size: 0.85rem; color: var(--muted); margin-top: 2px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 16px; }
.chart { margin: 16px 0; }
.plot { width: 100%; min-height: 380px; }
figcaption { color: var(--muted); font-size: 0.9rem; }
.table-wrap { overflow-x: auto; margin: 20px 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; font-weight: 650; padding: 4px 0 8px; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
td.long { min-width: 28ch; }
thead th { background: var(--card); border-bottom: 2px solid var(--line); }
tbody tr:nth-child(even) { background: #FAFBFC; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .toc { background: none; border: 1px solid var(--line); }
  main > section + section { break-before: page; }
  .kpi, figure, tr, caption { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .charts { display: block; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .modebar-container { display: none !important; }
}
`;
