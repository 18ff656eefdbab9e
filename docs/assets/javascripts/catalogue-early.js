/* Handboek werkvormen: loaded by the catalogue page between the filter form and the cards, before
   the cards are parsed. When the address asks for filters (?rol=docent), the list stays out of sight
   until handboek.js has applied them, so it never jumps on a slow phone; the stylesheet shows it
   anyway after three seconds, should that script never come. */
(function () {
  "use strict";
  var params = new URLSearchParams(location.search);
  var asked = Array.prototype.some.call(document.querySelectorAll("#filters select"), function (s) {
    return params.get(s.name);
  });
  if (asked) { document.documentElement.classList.add("hb-filtering"); }
})();
