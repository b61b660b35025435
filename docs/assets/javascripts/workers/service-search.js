// A search worker that speaks Material for MkDocs' worker protocol (pinned: mkdocs-material 9.8)
// and answers from the service's /api/search. Messages: 0 SETUP, 1 READY, 2 QUERY, 3 RESULT.
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var params = new URL(self.location.href).searchParams;
var lang = params.get("lang") === "en" ? "en" : "nl";
var fallback = params.get("fallback");
// This file sits beside Material's own worker in <root>/assets/javascripts/workers/, so the
// relative paths Material's worker uses (../lunr) still resolve when it is the fallback.
var root = new URL("../../../", self.location.href);
var mode = null;      // "api" or "material"
var latest = 0;       // only the answer to the newest query is shown

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

function api(query, limit) {
  var url = new URL("api/search", root);
  url.searchParams.set("q", query);
  url.searchParams.set("lang", lang);
  url.searchParams.set("limit", String(limit));
  return fetch(url.href, { headers: { Accept: "application/json" } }).then(function (response) {
    if (!response.ok) throw new Error("search answered " + response.status);
    return response.json();
  });
}

// Material shows one group per page: the page itself first, then its sections.
function toItems(answer) {
  var groups = new Map();
  answer.results.forEach(function (hit) {
    var page = hit.url.split("#")[0];
    if (!groups.has(page)) {
      groups.set(page, [{ location: page, title: escapeHtml(hit.title), text: "", score: hit.score, terms: {} }]);
    }
    var group = groups.get(page);
    if (hit.url.indexOf("#") === -1) {
      group[0].text = hit.snippet;
    } else {
      group.push({ location: hit.url, title: escapeHtml(hit.section || hit.title), text: hit.snippet, score: hit.score, terms: {} });
    }
  });
  return Array.from(groups.values());
}

// The site's one lunr index holds both languages; a reader gets the pages of their own language
// only (English pages live under en/), and lunr stems with that language alone.
function isEnglish(location) {
  return /^en(\/|$|#)/.test(String(location).replace(/^\//, ""));
}

function ownLanguage(setup) {
  var data = setup && setup.data;
  if (!data || !Array.isArray(data.docs)) return setup;
  var docs = data.docs.filter(function (doc) { return isEnglish(doc.location) === (lang === "en"); });
  var config = Object.assign({}, data.config, { lang: [lang] });
  return { type: setup.type, data: Object.assign({}, data, { docs: docs, config: config }) };
}

function useMaterial(setup) {
  mode = "material";
  self.removeEventListener("message", onMessage);
  importScripts(fallback);
  self.dispatchEvent(new MessageEvent("message", { data: ownLanguage(setup) }));
}

function onMessage(event) {
  var message = event.data;
  if (message.type === SETUP) {
    api("resultaatwijzer", 1).then(function () {
      mode = "api";
      self.postMessage({ type: READY });
    }).catch(function () { useMaterial(message); });
  } else if (message.type === QUERY && mode === "api") {
    var query = String(message.data || "").trim().slice(0, 500);
    var ticket = ++latest;
    if (!query) {
      self.postMessage({ type: RESULT, data: { items: [] } });
      return;
    }
    api(query, 20).then(function (answer) {
      if (ticket === latest) self.postMessage({ type: RESULT, data: { items: toItems(answer) } });
    }).catch(function () {
      if (ticket === latest) self.postMessage({ type: RESULT, data: { items: [] } });
    });
  }
}

self.addEventListener("message", onMessage);
