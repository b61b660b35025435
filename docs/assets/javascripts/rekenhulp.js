/* The calculator page (/rekenhulp/): update the results while the reader types.
 * The page works without this script (a GET form, results from the server). With it, the form is
 * sent in the background with partial=1 and only the results are swapped in; the address bar
 * keeps the shareable URL. No inline script: the site's Content-Security-Policy forbids it. */
(function () {
  "use strict";
  var form = document.getElementById("rw-calc-form");
  var output = document.getElementById("rw-calc-output");
  var status = document.getElementById("rw-calc-status");
  if (!form || !output || !window.fetch || !window.URLSearchParams || !window.FormData) return;

  var live = form.querySelector(".rw-calc-live");
  if (live) live.hidden = false;
  var timer = null;
  var latest = 0;

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (String(value).trim() !== "") params.append(name, value);
    });
    return params.toString();
  }

  function markError(results) {
    var previous = form.querySelectorAll('[aria-invalid="true"]');
    for (var i = 0; i < previous.length; i++) previous[i].removeAttribute("aria-invalid");
    var id = results && results.getAttribute("data-error-input");
    var input = id ? document.getElementById(id) : null;
    if (input && form.contains(input)) input.setAttribute("aria-invalid", "true");
  }

  function update() {
    var q = query();
    var mine = ++latest;
    fetch(form.getAttribute("action") + "?" + q + (q ? "&" : "") + "partial=1", {
      headers: { "Accept": "text/html" }, credentials: "same-origin"
    }).then(function (response) {
      return response.text();
    }).then(function (html) {
      if (mine !== latest) return; // a newer request is on its way
      output.innerHTML = html;
      var stale = document.getElementById("rw-calc-top-error"); // from the page as first served
      if (stale) stale.parentNode.removeChild(stale);
      var results = output.querySelector(".rw-calc-results");
      markError(results);
      if (status && results) status.textContent = results.getAttribute("data-status") || "";
      // The server's own query writes the numbers plainly (so switching language cannot reread
      // "1,200"); the address bar and the language links carry it.
      var canonical = results ? results.getAttribute("data-query") : q;
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", form.getAttribute("action") + (canonical ? "?" + canonical : ""));
      }
      var switches = document.querySelectorAll("a[hreflang]");
      for (var i = 0; i < switches.length; i++) {
        var href = switches[i].getAttribute("href").split("?")[0];
        switches[i].setAttribute("href", href + (canonical ? "?" + canonical : ""));
      }
    }).catch(function () { /* offline or server gone: the button still submits the form */ });
  }

  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 350);
  });
})();
