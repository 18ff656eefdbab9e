/* Zensical 0.0.73's search dialog lives in a shadow root, out of reach of handboek.css. Two fixes
 * that axe (WCAG 2.2 AA) asks for, made once the dialog exists:
 *
 * - the path under each result ("Werkvormen / Intervisie") is drawn at 45% opacity, 3.36:1 on
 *   white; at 72% it is 4.6:1. A constructed stylesheet, which the Content-Security-Policy allows
 *   (no inline <style>);
 * - the scrolling result list cannot be reached with the keyboard (tabindex -1): it becomes a Tab
 *   stop, as Material's list is.
 *
 * Zensical only (overrides-zensical/); another Zensical version may not need it or may break it,
 * which the smoke test on both engines (tests/browser/test_engines.py) shows.
 */
(function () {
  "use strict";

  var sheet = new CSSStyleSheet();
  sheet.replaceSync(".n{color:rgb(var(--color-foreground)/.72)}");

  function fix(root) {
    if (root.adoptedStyleSheets.indexOf(sheet) < 0) {
      root.adoptedStyleSheets = root.adoptedStyleSheets.concat([sheet]);
    }
    var list = root.querySelector(".k");
    if (list && list.tabIndex < 0) { list.tabIndex = 0; }
  }

  function look() {
    for (var host of document.body.children) {
      if (host.shadowRoot && host.shadowRoot.querySelector("dialog")) { fix(host.shadowRoot); }
    }
  }

  new MutationObserver(look).observe(document.body, { childList: true });
  document.addEventListener("DOMContentLoaded", look);
  document.addEventListener("click", function () { setTimeout(look, 0); });
  document.addEventListener("keydown", function () { setTimeout(look, 0); });
  look();
})();
