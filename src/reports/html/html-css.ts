/**
 * The inline style sheet of HTML reports: readable type, the cover and KPI cards, striped tables
 * with numbers right-aligned in tabular figures, sort buttons and search boxes, the
 * assumptions list, AA-contrast colours (text at least 4.5:1, controls 3:1), visible focus, and
 * print rules (each section on a new page, no cards, charts or table rows split across pages,
 * table headers repeated, no search boxes or navigation chrome, every row printed).
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
td.short { white-space: nowrap; }
thead th { background: var(--card); border-bottom: 2px solid var(--line); }
tbody tr:nth-child(even) { background: #FAFBFC; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.empty { color: var(--muted); font-style: italic; }
[hidden] { display: none !important; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip-link { position: absolute; left: -9999px; }
.skip-link:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 10; }
.cover { padding-bottom: 4px; }
.highlights h2 { font-size: 1.15rem; }
.cover-kpis { grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); }
.cover-kpi .kpi-note { margin: 6px 0 0; color: var(--text); font-size: 0.9rem; }
.table-block { margin: 20px 0; }
.table-block .table-wrap { margin: 0; }
.table-tools { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 6px; font-size: 0.9rem; }
.table-tools input { font: inherit; padding: 4px 8px; border: 1px solid #7B8794; border-radius: 4px; min-width: 16em; color: var(--text); background: #fff; }
.table-count { color: var(--muted); }
button.sort { font: inherit; font-weight: 650; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
button.sort::after { content: "\\00A0\\2195"; color: var(--muted); }
th[aria-sort="ascending"] button.sort::after { content: "\\00A0\\25B2"; color: var(--text); }
th[aria-sort="descending"] button.sort::after { content: "\\00A0\\25BC"; color: var(--text); }
button.sort:focus-visible, .table-tools input:focus-visible { outline: 3px solid #E69F00; outline-offset: 2px; }
.toc-note, .left-out-reason { color: var(--muted); }
.left-out-reason { font-style: italic; }
.assumptions dl { margin: 0; }
.assumptions dl > div { display: grid; grid-template-columns: minmax(9em, 14em) 1fr; gap: 12px; padding: 6px 0; border-bottom: 1px solid var(--line); }
.assumptions dt { font-weight: 650; }
.assumptions dd { margin: 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .toc { background: none; border: 1px solid var(--line); }
  main > section + section { break-before: page; }
  main > section.left-out, main > section + section.left-out { break-before: auto; }
  .kpi, figure, .plot, tr, caption, .assumptions dl > div { break-inside: avoid; }
  .table-wrap { break-inside: avoid; }
  thead { display: table-header-group; }
  .table-tools, .skip-link, noscript { display: none !important; }
  tbody tr[hidden] { display: table-row !important; }
  button.sort::after { content: ""; }
  h2, h3 { break-after: avoid; }
  .charts { display: block; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  .modebar-container { display: none !important; }
}
`;
