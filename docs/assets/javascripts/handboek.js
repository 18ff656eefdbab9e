/* Handboek werkvormen: catalogue filters and checklists that remember their ticks.
   Everything stays in this browser: no cookies, no requests, nothing leaves the device. */
(function () {
  "use strict";

  /* Catalogue filters: the list narrows as choices are made; the choices live in the URL. */
  function setUpFilters(form) {
    var cards = Array.prototype.slice.call(document.querySelectorAll(".hb-card"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    var count = document.querySelector(".hb-count");
    var toggle = document.querySelector(".hb-filtertoggle");
    var active = document.querySelector(".hb-active");
    var empty = document.querySelector(".hb-empty");
    var total = cards.length;

    function chosen() {
      var choice = {};
      selects.forEach(function (s) { if (s.value) { choice[s.name] = s.value; } });
      return choice;
    }

    function apply(updateUrl) {
      var choice = chosen();
      var shown = 0;
      cards.forEach(function (card) {
        var fits = Object.keys(choice).every(function (name) {
          return (card.getAttribute("data-" + name) || "").split(" ").indexOf(choice[name]) !== -1;
        });
        card.hidden = !fits;
        if (fits) { shown += 1; }
      });
      var n = Object.keys(choice).length;
      active.textContent = "(" + n + ")";
      count.textContent = shown === total
        ? total + " werkvormen"
        : shown + " van de " + total + " werkvormen " + (shown === 1 ? "past" : "passen") + " bij je keuze";
      if (empty) { empty.hidden = shown !== 0; }
      if (updateUrl) {
        var params = new URLSearchParams(choice).toString();
        history.replaceState(null, "", location.pathname + (params ? "?" + params : "") + location.hash);
      }
    }

    var params = new URLSearchParams(location.search);
    selects.forEach(function (s) {
      var wanted = params.get(s.name);
      if (wanted && s.querySelector('option[value="' + CSS.escape(wanted) + '"]')) { s.value = wanted; }
      s.addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var resetLink = document.querySelector("[data-reset]");
    if (resetLink) { resetLink.addEventListener("click", function () { form.reset(); }); }
    /* On a phone the choices fold away behind "Filters (n)"; the count stays in view beside it. */
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      form.classList.toggle("is-open", open);
    });
    apply(false);
    document.documentElement.classList.remove("hb-filtering");  /* set by catalogue-early.js */
  }

  /* Checklists: ticks are remembered in this browser (localStorage) and can be reset. */
  function setUpChecklist(boxes) {
    var key = "handboek:vinkjes:" + location.pathname;
    var saved = [];
    try { saved = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { saved = []; }
    boxes.forEach(function (box, i) {
      box.disabled = false;
      box.setAttribute("aria-label", itemText(box.closest("li")));
      box.checked = saved.indexOf(i) !== -1;
      box.addEventListener("change", save);
    });

    function save() {
      var ticked = [];
      boxes.forEach(function (box, i) { if (box.checked) { ticked.push(i); } });
      try {
        if (ticked.length) { localStorage.setItem(key, JSON.stringify(ticked)); } else { localStorage.removeItem(key); }
      } catch (e) { /* private mode: ticks simply are not remembered */ }
      status.textContent = ticked.length + " van de " + boxes.length + " afgevinkt";
    }

    var bar = document.createElement("div");
    bar.className = "hb-tickbar";
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button";
    /* "Alle vinkjes weghalen" can be undone: the button then offers the ticks back, until a box is ticked again. */
    var undo = null;
    function offerReset() {
      undo = null;
      reset.textContent = "Alle vinkjes weghalen";
    }
    offerReset();
    reset.addEventListener("click", function () {
      if (undo) {
        boxes.forEach(function (box, i) { box.checked = undo.indexOf(i) !== -1; });
        offerReset();
        save();
        return;
      }
      var before = [];
      boxes.forEach(function (box, i) { if (box.checked) { before.push(i); } box.checked = false; });
      save();
      if (before.length) {
        undo = before;
        reset.textContent = "Vinkjes terugzetten";
        status.textContent = "Alle vinkjes zijn weggehaald.";
      }
    });
    boxes.forEach(function (box) { box.addEventListener("change", function () { if (undo) { offerReset(); } }); });
    var note = document.createElement("p");
    note.className = "hb-ticknote";
    note.textContent = "Je vinkjes worden alleen in deze browser bewaard.";
    bar.appendChild(status);
    bar.appendChild(reset);
    bar.appendChild(note);
    var first = document.querySelector(".hb-checklist");
    first.parentNode.insertBefore(bar, first.previousElementSibling && first.previousElementSibling.tagName === "H2"
      ? first.previousElementSibling : first);
    save();
  }

  /* The text of a checklist item, without its sub-list of examples or a step's explanation: the checkbox's name. */
  function itemText(item) {
    var first = item.querySelector(":scope > p");
    var copy = (first || item).cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll("ul, ol"), function (list) { list.remove(); });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* The form "Werkvorm voorstellen" has its own script, loaded only on that page, from beside this one. */
  var here = document.currentScript && document.currentScript.src;
  function loadProposalForm() {
    if (!here || !document.querySelector("[data-hb-form]")) { return; }
    var script = document.createElement("script");
    script.src = here.replace(/handboek\.js(\?.*)?$/, "voorstellen.js$1");
    document.body.appendChild(script);
  }

  function start() {
    loadProposalForm();
    var form = document.getElementById("filters");
    if (form) { setUpFilters(form); }
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".hb-checklist .task-list-item input[type=checkbox]"));
    if (boxes.length) { setUpChecklist(boxes); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
