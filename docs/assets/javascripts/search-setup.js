// Swap Material's search worker for ours (workers/service-search.js). Ours asks the service's
// /api/search; where there is no service (the site hosted as plain files) it loads Material's
// own worker, so the built-in search keeps working.
(function () {
  var element = document.getElementById("__config");
  if (!element) return;
  var config = JSON.parse(element.textContent);
  if (!config.search) return;
  var material = new URL(config.search, location.href);
  var ours = new URL("service-search.js", material);
  ours.searchParams.set("lang", document.documentElement.lang === "en" ? "en" : "nl");
  ours.searchParams.set("fallback", material.href);
  config.search = ours.href;
  element.textContent = JSON.stringify(config);
})();
