// `make serve` only: reload the page when the preview has been built again.
//
// The engine injects its live-reload script inline at the end of every page
// it serves, and the site's Content-Security-Policy refuses inline script, so
// the browser never runs it. This file (served by the site itself, which the
// policy allows) reads the build number from that script's text and asks the
// server the same question it would: /livereload/<build>/<page> answers when a
// newer build is visible. Same protocol as the engine's own script.
(function () {
  "use strict";

  function injected() {
    var found = null;
    document.querySelectorAll("script:not([src])").forEach(function (script) {
      var match = /livereload\((\d+),\s*(\d+)\)/.exec(script.textContent || "");
      if (match) {
        found = { build: match[1], page: match[2] };
      }
    });
    return found;
  }

  function start() {
    var preview = injected();
    if (!preview) {
      return;
    }
    var active = false;
    var request = null;
    var timer = null;

    function poll() {
      if (!active || request) {
        return;
      }
      request = new XMLHttpRequest();
      request.onloadend = function () {
        var answer = this;
        request = null;
        if (!active) {
          return;
        }
        if (parseFloat(answer.responseText) > Number(preview.build)) {
          window.location.reload();
        } else {
          timer = window.setTimeout(poll, answer.status === 200 ? 0 : 3000);
        }
      };
      request.open("GET", "/livereload/" + preview.build + "/" + preview.page);
      request.send();
    }

    function watch() {
      active = document.visibilityState === "visible";
      if (active) {
        poll();
        return;
      }
      if (request) {
        request.abort();
      }
      window.clearTimeout(timer);
    }

    document.addEventListener("visibilitychange", watch);
    window.addEventListener("beforeunload", function () {
      active = false;
      if (request) {
        request.abort();
      }
    });
    watch();
  }

  /* A failed build leaves the last good pages in place; its problems (hooks: handboek-bouw.json) are shown
     over the page until a good build clears them and reloads the page. */
  function problems() {
    var base = ".";
    try {
      base = JSON.parse(document.getElementById("__config").textContent).base || ".";
    } catch (e) {
      base = ".";
    }
    fetch(new URL(base + "/handboek-bouw.json", window.location.href).href, { cache: "no-store" })
      .then(function (answer) { return answer.ok ? answer.json() : { problems: [] }; })
      .then(function (status) { if (status.problems && status.problems.length) { overlay(status.problems); } })
      .catch(function () {});
  }

  function overlay(lines) {
    var box = document.createElement("section");
    box.className = "hb-build-errors";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "hb-build-errors-title");
    var title = document.createElement("h2");
    title.id = "hb-build-errors-title";
    title.textContent = "De site is niet bijgewerkt";
    var intro = document.createElement("p");
    intro.textContent = "Je ziet de vorige versie. Verbeter wat hieronder staat en sla het bestand op: " +
      "deze pagina laadt dan vanzelf opnieuw.";
    var list = document.createElement("pre");
    list.textContent = lines.join("\n");
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Verberg";
    close.addEventListener("click", function () { box.remove(); });
    [title, intro, list, close].forEach(function (node) { box.appendChild(node); });
    document.body.appendChild(box);
  }

  window.addEventListener("load", start);
  window.addEventListener("load", problems);
})();
