// The advocates' page: sorting, filtering and details. The table is complete without it.
(function () {
  "use strict";
  var table = document.getElementById("scorecard");
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.querySelectorAll("tr.row"));
  var details = new Map();
  var controls = document.getElementById("controls");
  var search = document.getElementById("search");
  var tierFilter = document.getElementById("tier-filter");
  var status = document.getElementById("status");
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  controls.hidden = false;

  // Details: each name opens the row that follows it.
  rows.forEach(function (row) {
    var panel = document.getElementById(row.getAttribute("data-details"));
    var button = row.querySelector("button.open");
    details.set(row, panel);
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.hidden = !open;
    });
  });

  function sortKey(row, index, numeric) {
    var value = row.cells[index].getAttribute("data-sort");
    if (value === null || value === "") return null;
    return numeric ? Number(value) : value.toLocaleLowerCase();
  }

  // Sorting: every column header is a button (click, Enter or Space); unknown values stay last.
  function sortBy(index) {
    var th = headers[index];
    var numeric = th.getAttribute("data-type") === "number";
    var current = th.getAttribute("aria-sort");
    var first = th.getAttribute("data-first") || "ascending";
    var direction = current === first ? (first === "ascending" ? "descending" : "ascending") : first;
    var sign = direction === "ascending" ? 1 : -1;
    headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", direction);
    var sorted = rows.slice().sort(function (a, b) {
      var x = sortKey(a, index, numeric);
      var y = sortKey(b, index, numeric);
      var tie = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      if (x === null || y === null) return x === y ? tie : (x === null ? 1 : -1);
      if (x < y) return -sign;
      if (x > y) return sign;
      return tie;
    });
    sorted.forEach(function (row) {
      tbody.appendChild(row);
      tbody.appendChild(details.get(row));
    });
  }
  headers.forEach(function (th, index) {
    th.querySelector("button").addEventListener("click", function () { sortBy(index); });
  });

  // Filtering by name or state, and by overall tier.
  function applyFilters() {
    var text = search.value.trim().toLocaleLowerCase();
    var tier = tierFilter.value;
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!text || row.getAttribute("data-search").indexOf(text) !== -1) &&
                  (!tier || row.getAttribute("data-tier") === tier);
      row.hidden = !match;
      var panel = details.get(row);
      if (!match) panel.hidden = true;
      else panel.hidden = row.querySelector("button.open").getAttribute("aria-expanded") !== "true";
      if (match) shown += 1;
    });
    status.textContent = "Showing " + shown + " of " + rows.length + " jurisdictions";
  }
  search.addEventListener("input", applyFilters);
  tierFilter.addEventListener("change", applyFilters);
  applyFilters();
})();
