// Progressive enhancement for generated tables: without JavaScript they are plain tables.
//   data-filter="country form"  adds a select per named data attribute of the rows
//   data-sort                    makes every column header a sort button
(function () {
  "use strict";
  var LABELS = {
    nl: { all: "Alle", country: "Land", form: "Vorm", kind: "Soort", status: "Status", shown: "rijen getoond" },
    en: { all: "All", country: "Country", form: "Form", kind: "Kind", status: "Status", shown: "rows shown" }
  };

  function enhance(table) {
    var words = LABELS[document.documentElement.lang] || LABELS.nl;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    status.className = "rw-table-status";

    var filters = (table.dataset.filter || "").split(/\s+/).filter(Boolean);
    if (filters.length) {
      var controls = document.createElement("div");
      controls.className = "rw-table-controls";
      var selects = filters.map(function (key) {
        var values = Array.from(new Set(rows.map(function (r) { return r.dataset[key] || ""; }).filter(Boolean))).sort();
        var id = "rw-filter-" + key + "-" + Math.random().toString(36).slice(2, 7);
        var wrapper = document.createElement("span");
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = words[key] || key;
        var select = document.createElement("select");
        select.id = id;
        select.dataset.key = key;
        select.add(new Option(words.all, ""));
        values.forEach(function (v) { select.add(new Option(v, v)); });
        select.addEventListener("change", apply);
        wrapper.appendChild(label);
        wrapper.appendChild(select);
        controls.appendChild(wrapper);
        return select;
      });
      // Above the scrolling region (if any), so the filters stay in view on a narrow screen.
      var anchor = table.parentNode.classList.contains("rw-table-scroll") ? table.parentNode : table;
      anchor.parentNode.insertBefore(controls, anchor);
      anchor.parentNode.insertBefore(status, anchor);
    }

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (s) { return !s.value || row.dataset[s.dataset.key] === s.value; });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      status.textContent = shown + " / " + rows.length + " " + words.shown;
    }

    if (table.hasAttribute("data-sort")) {
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, column) {
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = th.textContent;
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () {
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var key = function (row) {
            var cell = row.cells[column];
            var value = cell.dataset.value || cell.textContent.trim();
            var numeric = parseFloat(value.replace(/[^\d,.-]/g, "").replace(/\./g, "").replace(",", "."));
            return isNaN(numeric) || /[a-z]/i.test(value.replace(/^[€£$¥]|COP/, "")) ? value.toLowerCase() : numeric;
          };
          rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            var order = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
        });
      });
    }
    if (filters.length) apply();
  }

  function init() {
    document.querySelectorAll("table[data-filter], table[data-sort]").forEach(function (table) {
      if (!table.dataset.enhanced) { table.dataset.enhanced = "1"; enhance(table); }
    });
    // Material wraps wide tables in a scrolling box; keyboard users must be able to scroll it.
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      box.tabIndex = 0;
      box.setAttribute("role", "region");
      var caption = box.querySelector("caption");
      box.setAttribute("aria-label", caption ? caption.textContent : (document.documentElement.lang === "en" ? "Table" : "Tabel"));
    });
  }
  // Material publishes document$ (also on instant navigation); it wraps tables before we run.
  if (window.document$) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
