/**
 * The inline script that makes HTML report tables sortable and searchable, offline. For every
 * `table[data-sortable]` it sorts the body rows when a header's `button.sort` is clicked
 * (ascending, then descending; numerically on the cells' `data-value` when the header has
 * `data-type="number"`, empty cells last; otherwise alphabetically with `Intl.Collator` in the
 * page's `data-locale` or `lang`, on `data-value` when present, e.g. ISO dates) and sets
 * `aria-sort` on that header only. It shows the table's search box (`#<table id>-search`,
 * hidden until the script runs) and hides the rows whose text does not contain what is typed,
 * announcing "n of m rows" in `#<table id>-count`. It reads cells only through `textContent`
 * and attributes: no data is ever parsed as HTML or evaluated. It holds no URL and no `</`,
 * and it does nothing outside a browser (no `document`).
 *
 * @example
 * TABLE_SCRIPT.includes("aria-sort"); // true
 * @throws never
 */
export const TABLE_SCRIPT = `(function () {
  if (typeof document === "undefined") return;
  var root = document.documentElement;
  var collator = new Intl.Collator(root.getAttribute("data-locale") || root.lang || undefined, { numeric: true, sensitivity: "base" });
  function key(cell, numeric) {
    var v = cell ? cell.getAttribute("data-value") : null;
    if (numeric) return v === null || v === "" ? NaN : parseFloat(v);
    return v !== null ? v : cell ? cell.textContent : "";
  }
  function sortBy(table, th, index) {
    var numeric = th.getAttribute("data-type") === "number";
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var heads = table.tHead.rows[0].cells;
    for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
    th.setAttribute("aria-sort", dir);
    var sign = dir === "ascending" ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index], numeric), y = key(b.cells[index], numeric);
      if (numeric) {
        var xn = isNaN(x), yn = isNaN(y);
        if (xn || yn) return xn === yn ? 0 : xn ? 1 : -1;
        return sign * (x - y);
      }
      return sign * collator.compare(x, y);
    });
    for (var r = 0; r < rows.length; r++) body.appendChild(rows[r]);
  }
  function search(table, input, count) {
    var q = input.value.trim().toLocaleLowerCase();
    var rows = table.tBodies[0].rows, shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var hit = q === "" || rows[i].textContent.toLocaleLowerCase().indexOf(q) >= 0;
      rows[i].hidden = !hit;
      if (hit) shown++;
    }
    if (count) count.textContent = q === "" ? "" : shown + " of " + rows.length + " rows";
  }
  var tables = document.querySelectorAll("table[data-sortable]");
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    Array.prototype.forEach.call(heads, function (th, index) {
      var button = th.querySelector("button.sort");
      if (button) button.addEventListener("click", function () { sortBy(table, th, index); });
    });
    var input = document.getElementById(table.id + "-search");
    if (!input) return;
    var count = document.getElementById(table.id + "-count");
    var tools = input.closest(".table-tools");
    if (tools) tools.hidden = false;
    input.addEventListener("input", function () { search(table, input, count); });
  });
})();`;
