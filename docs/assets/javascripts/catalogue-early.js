/* Handboek werkvormen: loaded by the catalogue page just before its filter bar, so it runs before
   the filters and cards are drawn. It shows the filters (readers without scripts keep the plain
   full list) and, when the address asks for filters (?rol=docent), keeps the list out of sight
   until handboek.js has applied them, so nothing jumps on a slow phone; the stylesheet shows the
   list anyway after three seconds, should that script never come. */
(function () {
  "use strict";
  var root = document.documentElement;
  var names = (document.currentScript.getAttribute("data-filters") || "").split(" ");
  var params = new URLSearchParams(location.search);
  root.classList.add("hb-js");
  if (names.some(function (name) { return name && params.get(name); })) { root.classList.add("hb-filtering"); }
})();
