/* Material fetches the whole search index as every page loads, the largest part of a first visit on a
   phone. Hold that one request back until the reader starts to search: the search box gets focus (by
   tap, click, Tab or the / and s keys) or the address asks for a search (?q=). Loaded in the head,
   before Material's bundle. */
(function () {
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
})();
