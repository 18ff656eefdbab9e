/* Material for MkDocs' inline content script (partials/javascripts/content.html, Material 9.8), as a file:
   the site's Content-Security-Policy allows no inline script. */
var target = document.getElementById(location.hash.slice(1));
target && target.name && (target.checked = target.name.startsWith("__tabbed_"));
