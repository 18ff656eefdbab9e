/* Search as a Dutch reader expects it, behind Material's own search box and results list.
 *
 * Loaded in <head>, before Material's bundle (no inline script, so a Content-Security-Policy
 * can forbid those). Three things:
 *
 * 1. Material fetches the whole search index as every page loads, the largest part of a first
 *    visit on a phone. Hold that one request back until the reader starts to search: the
 *    search box gets focus (tap, click, Tab, the / and s keys) or the address asks for a
 *    search (?q=).
 * 2. Material reads the box on key-up only, so a query pasted with the mouse or a phone's
 *    paste button (no key) was lost while the index loaded. Every input now counts as a key-up.
 * 3. Each query is rewritten for Material's lunr search worker: Dutch stop words and one-letter
 *    words dropped (they matched every word starting with "in" or "de"), accents dropped (the
 *    index holds every accented word without accents as well), and for every other word an exact
 *    clause that goes through the Dutch stemmer (plurals, -ing/-en), a prefix clause (while
 *    typing), a clause for the word without a diminutive ending or English plural -es, and for
 *    longer words a clause
 *    that allows one or two typing errors. A query that uses lunr's own syntax is left alone.
 *
 * The index side (other names, synonyms, accent-free words, page weights) is made at build time
 * by src/handbook/search.py.
 */
(function () {
  "use strict";

  var QUERY = 2, READY = 1;  // Material's SearchMessageType
  var STOP = ("aan al alle als bij dan dat de den der die dit door een en er hem het hoe hun " +
              "ik in is je jij jou jouw kan kun me meer met mijn na naar niet nog of om ook op " +
              "over te tot u uit van voor wat we welke wie wij zij ze zo zonder").split(" ");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* "lesje" -> "les", "groepje" -> "groep", "huisjes" -> "huis", "balletje" -> "bal" */
  function withoutDiminutive(word) {
    var m = /^(.{3,}?)(?:(.)\2etjes?|etjes?|tjes?|pjes?|jes?)$/.exec(word);
    if (!m) { return null; }
    return m[2] ? m[1] + m[2] : m[1];
  }

  function clauses(word) {
    var plain = fold(word);
    var out = [plain];                       // Material makes this a prefix: plain*
    if (plain.length < 3) { return [plain + "^1"]; }
    out.push(plain + "^6");                  // exact, stemmed
    if (plain.length >= 5) { out.push(plain + "~" + (plain.length >= 9 ? 2 : 1)); }
    var stem = withoutDiminutive(plain);
    if (stem && stem.length >= 3) { out.push(stem + "^3"); }
    if (/[^aeiou]es$/.test(plain) && plain.length >= 6) { out.push(plain.slice(0, -2) + "^3"); }  // masterclasses
    if (plain !== word) { out.push(word + "^6"); }  // as typed, with its accents
    return out;
  }

  function rewrite(query) {
    if (/(^|\s)[+-]|[~^:*"]/.test(query)) { return query; }
    var words = query.toLowerCase().replace(/['’`]s\b/g, "s").split(/[^\p{L}\p{N}]+/u)
      .filter(function (word) { return word.length > 0; });
    var kept = words.filter(function (word) { return word.length > 1 && STOP.indexOf(fold(word)) < 0; });
    if (!kept.length) { kept = words; }
    return kept.map(clauses).reduce(function (all, some) { return all.concat(some); }, []).join(" ");
  }

  /* 1. Hold back the index request until the reader starts to search. */
  var open = XMLHttpRequest.prototype.open, send = XMLHttpRequest.prototype.send;
  var held = [], started = /[?&]q=/.test(location.search);
  XMLHttpRequest.prototype.open = function (method, url) {
    this.hbIndex = /search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.hbIndex && !started) { held.push([this, arguments]); return; }
    return send.apply(this, arguments);
  };
  function start() {
    if (started) { return; }
    started = true;
    held.forEach(function (request) { send.apply(request[0], request[1]); });
    held = [];
  }
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) { start(); }
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") { start(); }
  }, true);

  /* 2. Every change of the box reaches Material, also a paste without a key. */
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) {
      event.target.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    }
  }, true);

  /* 3. Rewrite each query on its way to Material's search worker. */
  var Native = window.Worker;
  if (!Native) { return; }
  function SearchWorker(url, options) {
    var worker = new Native(url, options);
    if (!/workers\/search\./.test(String(url))) { return worker; }
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        message = {type: QUERY, data: rewrite(message.data)};
      }
      return post.apply(worker, [message].concat([].slice.call(arguments, 1)));
    };
    worker.addEventListener("message", function (event) {
      var box = document.querySelector("[data-md-component=search-query]");
      if (event.data && event.data.type === READY && box && box.value) {
        setTimeout(function () { box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true})); }, 0);
      }
    });
    return worker;
  }
  SearchWorker.prototype = Native.prototype;
  window.Worker = SearchWorker;
})();
