/* Material for MkDocs' inline head script (partials/javascripts/base.html, Material 9.8), as a file:
   the site's Content-Security-Policy allows no inline script. The scope comes from data-scope. */
__md_scope = new URL(document.currentScript.dataset.scope, location);
__md_hash = function (e) { return [...e].reduce(function (e, _) { return (e << 5) - e + _.charCodeAt(0); }, 0); };
__md_get = function (e, _ = localStorage, t = __md_scope) { return JSON.parse(_.getItem(t.pathname + "." + e)); };
__md_set = function (e, _, t = localStorage, a = __md_scope) { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {} };
