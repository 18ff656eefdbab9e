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

  window.addEventListener("load", start);
})();
