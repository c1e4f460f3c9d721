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
  var lang = document.documentElement.lang || "en";

  // Searching ignores case and accents: "alamo" finds "Álamo".
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase(lang);
  }
  var searchText = new Map();
  rows.forEach(function (row) { searchText.set(row, folded(row.getAttribute("data-search"))); });

  controls.hidden = false;

  function sortKey(row, index, numeric) {
    var value = row.cells[index].getAttribute("data-sort");
    if (value === null || value === "") return null;
    return numeric ? Number(value) : value;
  }
  var collator = new Intl.Collator(lang, { sensitivity: "base", numeric: true });

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
      var order = numeric ? x - y : collator.compare(x, y);
      return order !== 0 ? sign * order : tie;
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
    var text = folded(search.value.trim());
    var tier = tierFilter.value;
    var shown = 0;
    rows.forEach(function (row) {
      var match = (!text || searchText.get(row).indexOf(text) !== -1) &&
                  (!tier || row.getAttribute("data-tier") === tier);
      row.hidden = !match;
      var place = places[row.getAttribute("data-id")];
      if (place) place.hidden = !match;
      if (match) shown += 1;
    });
    var template = status.getAttribute(rows.length === 1 ? "data-one" : "data-text");
    status.textContent = template.replace("{shown}", shown).replace("{total}", rows.length);
  }
  search.addEventListener("input", applyFilters);
  tierFilter.addEventListener("change", applyFilters);
  applyFilters();

  // A link to a jurisdiction (#id) opens its card, in every browser.
  function openTarget() {
    var id;
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch (e) {
      return;  // not an address this page made
    }
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

  // A box that scrolls on its own (a timeline or a table on a phone) can be scrolled from
  // the keyboard too.
  function focusableScrolls() {
    Array.prototype.forEach.call(document.querySelectorAll(".scroll"), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
  }
  window.addEventListener("resize", focusableScrolls);
  document.addEventListener("toggle", focusableScrolls, true);
  focusableScrolls();
})();
