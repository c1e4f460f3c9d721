// The advocates' page: search, sort and filter. The page is complete without it: the table
// is plain HTML, each card a native <details>, each name a link to its card.
(function () {
  "use strict";
  var table = document.getElementById("sc_table");
  var controls = document.getElementById("sc_controls");
  if (!table || !controls) return;
  var tbody = table.tBodies[0];
  var list = document.getElementById("sc_list");
  var rows = Array.prototype.slice.call(tbody.rows);
  var places = {};
  Array.prototype.forEach.call(list.querySelectorAll(".place"), function (p) { places[p.getAttribute("data-id")] = p; });
  var search = document.getElementById("sc_search");
  var tierFilter = document.getElementById("sc_tier");
  var sortSelect = document.getElementById("sc_sort");
  var status = document.getElementById("sc_status");
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);

  controls.hidden = false;

  function sortKey(row, index, numeric) {
    var value = row.cells[index].getAttribute("data-sort");
    if (value === null || value === "") return null;
    return numeric ? Number(value) : value.toLocaleLowerCase();
  }

  // Sorts the rows and the cards alike; unknown values stay last either way. index -1 (or
  // none): the order of the page.
  function sortBy(index, toggle) {
    var th = headers[index];
    var direction = "ascending";
    var current = th ? th.getAttribute("aria-sort") : "none";
    headers.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    if (th) {
      var first = th.getAttribute("data-first") || "ascending";
      direction = toggle && current === first ? (first === "ascending" ? "descending" : "ascending") : first;
      th.setAttribute("aria-sort", direction);
    }
    var numeric = th && th.getAttribute("data-type") === "number";
    var sign = direction === "ascending" ? 1 : -1;
    var sorted = rows.slice().sort(function (a, b) {
      var tie = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      if (!th) return tie;
      var x = sortKey(a, index, numeric);
      var y = sortKey(b, index, numeric);
      if (x === null || y === null) return x === y ? tie : (x === null ? 1 : -1);
      if (x < y) return -sign;
      if (x > y) return sign;
      return tie;
    });
    sorted.forEach(function (row) {
      tbody.appendChild(row);
      var place = places[row.getAttribute("data-id")];
      if (place) list.appendChild(place);
    });
    sortSelect.value = th ? String(index) : "";
  }

  // Column headings become buttons (click, Enter or Space).
  headers.forEach(function (th, index) {
    var button = document.createElement("button");
    button.type = "button";
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", function () { sortBy(index, true); });
  });
  sortSelect.addEventListener("change", function () {
    sortBy(sortSelect.value === "" ? -1 : Number(sortSelect.value), false);
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
      var place = places[row.getAttribute("data-id")];
      if (place) place.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = status.getAttribute("data-text").replace("{shown}", shown).replace("{total}", rows.length);
  }
  search.addEventListener("input", applyFilters);
  tierFilter.addEventListener("change", applyFilters);
  applyFilters();

  // A link to a jurisdiction (#id) opens its card, in every browser.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var details = target && target.closest("details");
    if (details && details.hidden) {
      search.value = "";
      tierFilter.value = "";
      applyFilters();
    }
    if (details && !details.open) {
      details.open = true;
      target.scrollIntoView();
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
