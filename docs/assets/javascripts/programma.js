/* Handboek werkvormen: "Mijn programma", and the offline worker.
   The programme is kept in this browser only (localStorage) and in the links a reader shares; nothing is sent.
   What a part is called, how long it takes and every text come from the page (handbook/programme.py):
   this script lays them out and stores the reader's choices. */
(function () {
  "use strict";

  var KEY = "handboek:programma";
  var MAX_MINUTES = 1440;

  function blank() { return {titel: "", datum: "", start: "09:00", notitie: "", onderdelen: []}; }

  function minutes(value) {
    var n = parseInt(value, 10);
    return n >= 1 && n <= MAX_MINUTES ? n : null;
  }

  function text(value, max) { return typeof value === "string" ? value.slice(0, max) : ""; }

  /* A stored or shared programme, with anything that is not what this script writes left out. */
  function clean(raw) {
    var state = blank();
    if (!raw || typeof raw !== "object") { return state; }
    state.titel = text(raw.titel, 120);
    state.datum = /^\d{4}-\d{2}-\d{2}$/.test(raw.datum || "") ? raw.datum : "";
    state.start = /^\d{2}:\d{2}$/.test(raw.start || "") ? raw.start : "09:00";
    state.notitie = text(raw.notitie, 2000);
    (Array.isArray(raw.onderdelen) ? raw.onderdelen : []).forEach(function (part) {
      if (!part || typeof part !== "object") { return; }
      if (typeof part.slug === "string" && /^[a-z0-9-]+$/.test(part.slug)) {
        state.onderdelen.push({slug: part.slug, minuten: minutes(part.minuten)});
      } else if (typeof part.vrij === "string" && part.vrij.trim()) {
        state.onderdelen.push({vrij: text(part.vrij.trim(), 80), minuten: minutes(part.minuten) || 15});
      }
    });
    return state;
  }

  function load() {
    try { return clean(JSON.parse(localStorage.getItem(KEY) || "null")); } catch (e) { return blank(); }
  }

  function save(state) {
    try { localStorage.setItem(KEY, JSON.stringify(state)); } catch (e) { /* private mode: kept for this page only */ }
    showCount(state);
  }

  function holds(state, slug) {
    return state.onderdelen.some(function (part) { return part.slug === slug; });
  }

  /* Tell a screen reader (role=status); the same words twice are told twice. */
  function tell(region, words) {
    if (!region) { return; }
    region.textContent = "";
    setTimeout(function () { region.textContent = words; }, 50);
  }

  /* The count in the header, beside the search. */
  function showCount(state) {
    var link = document.querySelector("[data-hb-teller]");
    if (!link) { return; }
    var header = document.querySelector(".md-header__inner");
    if (header && link.parentNode !== header) {
      header.insertBefore(link, header.querySelector(".md-search") || header.querySelector("label[for=__search]"));
    }
    link.hidden = false;
    link.querySelector("[data-hb-aantal]").textContent = String(state.onderdelen.length);
  }

  /* "Zet in mijn programma" on a werkvorm's or checklist's page and on each card of the catalogue. */
  function setUpButtons() {
    var status = document.querySelector(".hb-zet-status");
    var buttons = Array.prototype.slice.call(document.querySelectorAll("[data-hb-zet]"));
    if (!status || !buttons.length) { return; }
    var texts = JSON.parse(status.getAttribute("data-teksten"));

    function label() {
      var state = load();
      buttons.forEach(function (button) {
        var isIn = holds(state, button.getAttribute("data-hb-zet"));
        button.textContent = isIn ? texts.is_in : texts.add;
        button.classList.toggle("hb-zet--in", isIn);
        button.hidden = false;
      });
    }

    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        var slug = button.getAttribute("data-hb-zet");
        var state = load();
        var title = button.getAttribute("data-titel");
        if (holds(state, slug)) {
          state.onderdelen = state.onderdelen.filter(function (part) { return part.slug !== slug; });
          tell(status, title + " " + texts.removed);
        } else {
          state.onderdelen.push({slug: slug, minuten: null});
          tell(status, title + " " + texts.added);
        }
        save(state);
        label();
      });
    });
    window.addEventListener("storage", function (event) { if (event.key === KEY) { label(); } });
    label();
  }

  function clock(start, offset) {
    var parts = (start || "09:00").split(":");
    var total = (parseInt(parts[0], 10) * 60 + parseInt(parts[1], 10) + offset) % (24 * 60);
    var h = Math.floor(total / 60), m = total % 60;
    return (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
  }

  /* A programme in a link: #t=title&d=date&s=start&n=note&o=slug:minutes&o=*Lunch:30 (free parts start with *). */
  function toLink(state) {
    var params = new URLSearchParams();
    if (state.titel) { params.set("t", state.titel); }
    if (state.datum) { params.set("d", state.datum); }
    params.set("s", state.start);
    if (state.notitie) { params.set("n", state.notitie); }
    state.onderdelen.forEach(function (part) {
      params.append("o", (part.slug || "*" + part.vrij) + ":" + (part.minuten || ""));
    });
    return location.origin + location.pathname + "#" + params.toString();
  }

  function fromLink(hash, known) {
    var params = new URLSearchParams(hash.replace(/^#/, ""));
    if (!params.has("o")) { return null; }
    var missing = false;
    var raw = {titel: params.get("t"), datum: params.get("d"), start: params.get("s"), notitie: params.get("n"), onderdelen: []};
    params.getAll("o").forEach(function (value) {
      var cut = value.lastIndexOf(":");
      var name = cut === -1 ? value : value.slice(0, cut);
      var time = cut === -1 ? null : minutes(value.slice(cut + 1));
      if (name.charAt(0) === "*") {
        raw.onderdelen.push({vrij: name.slice(1), minuten: time});
      } else if (Object.prototype.hasOwnProperty.call(known, name)) {
        raw.onderdelen.push({slug: name, minuten: time});
      } else {
        missing = true;
      }
    });
    return {state: clean(raw), missing: missing};
  }

  /* The programme page. */
  function setUpProgramme(root) {
    var data = JSON.parse(document.getElementById("hb-programma-gegevens").textContent);
    var known = data.onderdelen, texts = data.teksten;
    var state = load();
    var list = root.querySelector("[data-hb-onderdelen]");
    var rows = root.querySelector("[data-hb-tabel-rijen]");
    var item = document.getElementById("hb-onderdeel");
    var row = document.getElementById("hb-tabelrij");
    var news = root.querySelector("[data-hb-melding]");
    var form = root.querySelector("[data-hb-kop]");
    var fields = {titel: "#hb-titel", datum: "#hb-datum", start: "#hb-start", notitie: "#hb-notitie"};
    /* The meeting sheets print after the programme, outside Material's page, in the PDFs' own style. */
    var sheets = document.querySelector("[data-hb-bladen]");
    if (sheets) { document.body.appendChild(sheets); }

    function name(part) { return part.slug ? known[part.slug].titel : part.vrij; }
    function length(part) { return part.minuten || (part.slug ? known[part.slug].minuten : 15); }
    function present() {
      state.onderdelen = state.onderdelen.filter(function (part) { return !part.slug || known[part.slug]; });
    }

    function duration(total) {
      var h = Math.floor(total / 60), m = total % 60;
      var words = [];
      if (h) { words.push(h + " " + texts.hour); }
      if (m || !h) { words.push(m + " " + texts.minutes_long); }
      return words.join(" en ");
    }

    function times() {
      var offset = 0;
      var items = list.children, cells = rows.children;
      state.onderdelen.forEach(function (part, i) {
        var at = clock(state.start, offset);
        items[i].querySelector("[data-tijd]").textContent = at;
        cells[i].querySelector("[data-tijd]").textContent = at;
        cells[i].querySelector("[data-minuten]").textContent = String(length(part));
        offset += length(part);
      });
      var total = root.querySelector("[data-hb-totaal]");
      total.textContent = state.onderdelen.length
        ? texts.total + ": " + duration(offset) + ". " + texts.ends + " " + clock(state.start, offset) + "."
        : "";
      root.querySelector("[data-hb-tabel-totaal]").textContent = offset + " (" + duration(offset) + ")";
      root.querySelector("[data-hb-druk-titel]").textContent = state.titel || document.title.split(" - ")[0];
      var date = state.datum ? new Date(state.datum + "T12:00:00").toLocaleDateString("nl-NL", {weekday: "long", day: "numeric", month: "long", year: "numeric"}) : "";
      root.querySelector("[data-hb-druk-datum]").textContent = [date, texts.begins + " " + state.start].filter(Boolean).join(" · ");
      root.querySelector("[data-hb-druk-notitie]").textContent = state.notitie;
    }

    function move(i, step, kind) {
      var j = i + step;
      if (j < 0 || j >= state.onderdelen.length) { return; }
      var part = state.onderdelen.splice(i, 1)[0];
      state.onderdelen.splice(j, 0, part);
      save(state);
      render();
      var again = list.children[j].querySelector(kind);
      (again.disabled ? list.children[j].querySelector(kind === "[data-op]" ? "[data-neer]" : "[data-op]") : again).focus();
      tell(news, name(part) + " " + texts.moved + " " + (j + 1) + ".");
    }

    function render() {
      present();
      list.textContent = "";
      rows.textContent = "";
      var last = state.onderdelen.length - 1;
      state.onderdelen.forEach(function (part, i) {
        var li = item.content.firstElementChild.cloneNode(true);
        var title = name(part);
        var place = li.querySelector("[data-naam]");
        if (part.slug) {
          var link = document.createElement("a");
          link.href = known[part.slug].url;
          link.textContent = title;
          place.appendChild(link);
        } else {
          place.textContent = title;
          li.classList.add("hb-onderdeel--vrij");
        }
        var input = li.querySelector("[data-minuten]");
        input.value = String(length(part));
        li.querySelector("[data-minuten-naam]").textContent = texts.minutes_for + " " + title;
        input.addEventListener("input", function () {
          var n = minutes(input.value);
          if (n === null) { return; }
          part.minuten = n;
          save(state);
          times();
        });
        var up = li.querySelector("[data-op]"), down = li.querySelector("[data-neer]"), gone = li.querySelector("[data-weg]");
        up.setAttribute("aria-label", texts.up + ": " + title);
        down.setAttribute("aria-label", texts.down + ": " + title);
        gone.setAttribute("aria-label", texts.delete + ": " + title);
        up.disabled = i === 0;
        down.disabled = i === last;
        up.addEventListener("click", function () { move(i, -1, "[data-op]"); });
        down.addEventListener("click", function () { move(i, 1, "[data-neer]"); });
        gone.addEventListener("click", function () {
          state.onderdelen.splice(i, 1);
          save(state);
          render();
          var next = list.children[Math.min(i, state.onderdelen.length - 1)];
          (next ? next.querySelector("[data-weg]") : root.querySelector("[data-hb-leeg] a")).focus();
          tell(news, title + " " + texts.removed);
        });
        list.appendChild(li);
        var tr = row.content.firstElementChild.cloneNode(true);
        tr.querySelector("[data-naam]").textContent = title;
        rows.appendChild(tr);
      });
      var isEmpty = !state.onderdelen.length;
      root.querySelector("[data-hb-leeg]").hidden = !isEmpty;
      root.classList.toggle("hb-programma--leeg", isEmpty);
      showSheets();
      times();
    }

    /* In print, each werkvorm's and checklist's meeting sheet follows, in the programme's order. */
    function showSheets() {
      if (!sheets) { return; }
      Array.prototype.forEach.call(sheets.children, function (sheet) { sheet.hidden = true; });
      state.onderdelen.forEach(function (part) {
        var sheet = part.slug && sheets.querySelector('[data-blad="' + part.slug + '"]');
        if (sheet) { sheets.appendChild(sheet); sheet.hidden = false; }
      });
    }

    function fill() {
      Object.keys(fields).forEach(function (key) { form.querySelector(fields[key]).value = state[key]; });
    }

    Object.keys(fields).forEach(function (key) {
      form.querySelector(fields[key]).addEventListener("input", function (event) {
        state[key] = key === "start" ? (event.target.value || "09:00") : event.target.value;
        save(state);
        times();
      });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    root.querySelector("[data-hb-vrij]").addEventListener("submit", function (event) {
      event.preventDefault();
      var label = root.querySelector("#hb-vrij-naam").value.trim();
      var time = minutes(root.querySelector("#hb-vrij-minuten").value);
      if (!label || time === null) { return; }
      state.onderdelen.push({vrij: label.slice(0, 80), minuten: time});
      save(state);
      render();
      tell(news, texts.free_added + ": " + label + ".");
    });

    root.querySelector("[data-hb-print]").addEventListener("click", function () { window.print(); });

    root.querySelector("[data-hb-deel]").addEventListener("click", function () {
      var box = root.querySelector("[data-hb-deellink]");
      var field = box.querySelector("input");
      field.value = toLink(state);
      box.hidden = false;
      field.focus();
      field.select();
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(field.value).then(
          function () { tell(news, texts.copied_clipboard); },
          function () { tell(news, texts.copied); }
        );
      } else {
        tell(news, texts.copied);
      }
    });

    /* Opened from a shared link (also pasted over this page's own address): the shared programme,
       but never silently over the reader's own. */
    function forgetLink() { history.replaceState(null, "", location.pathname + location.search); }
    var question = root.querySelector("[data-hb-vraag]");
    var shared = null;
    function adopt() {
      state = shared.state;
      save(state);
      forgetLink();
      fill();
      render();
      tell(news, shared.missing ? texts.replaced + " " + texts.unknown : texts.replaced);
    }
    question.querySelector("[data-hb-vervang]").addEventListener("click", function () {
      question.hidden = true;
      adopt();
      root.querySelector("#hb-titel").focus();
    });
    question.querySelector("[data-hb-houd]").addEventListener("click", function () {
      question.hidden = true;
      forgetLink();
      root.querySelector("#hb-titel").focus();
      tell(news, texts.kept);
    });
    function openShared() {
      shared = fromLink(location.hash, known);
      if (!shared) { return; }
      if (!state.onderdelen.length || JSON.stringify(shared.state) === JSON.stringify(state)) {
        adopt();
      } else {
        question.hidden = false;
        question.querySelector("[data-hb-vervang]").focus();
      }
    }
    window.addEventListener("hashchange", openShared);

    window.addEventListener("storage", function (event) {
      if (event.key === KEY) { state = load(); fill(); render(); }
    });
    root.hidden = false;
    document.querySelector("[data-hb-zonder-js]").hidden = true;
    fill();
    render();
    openShared();
    root.setAttribute("data-hb-klaar", "");
  }

  /* The offline worker: after the first visit the site, its search and the programme work without a network. */
  function setUpOffline() {
    var meta = document.querySelector('meta[name="hb-werker"]');
    if (!meta || !("serviceWorker" in navigator)) { return; }
    navigator.serviceWorker.register(meta.getAttribute("content"))
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () {
        var note = document.querySelector("[data-hb-offline]");
        if (note) { note.hidden = false; }
      })
      .catch(function () { /* no worker (a private window, an old browser): the site still works online */ });
  }

  function start() {
    showCount(load());
    window.addEventListener("storage", function (event) { if (event.key === KEY) { showCount(load()); } });
    setUpButtons();
    var root = document.querySelector("[data-hb-programma]");
    if (root) { setUpProgramme(root); }
    setUpOffline();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
