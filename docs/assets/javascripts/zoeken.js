/* Search as a Dutch reader expects it, behind Material's own search box and results list.
 *
 * Loaded in <head>, before Material's bundle (no inline script, so a Content-Security-Policy
 * can forbid those). Four things:
 *
 * 1. Material fetches the whole search index as every page loads, the largest part of a first
 *    visit on a phone. Hold that one request back until the reader starts to search: the
 *    search box gets focus (tap, click, Tab, the / and s keys) or the address asks for a
 *    search (?q=).
 * 2. Material reads the box on key-up only, so a query pasted with the mouse or a phone's
 *    paste button (no key) was lost while the index loaded. Every input now counts as a key-up.
 * 3. Each query is rewritten for Material's lunr search worker. Dutch stop words and one-letter
 *    words are dropped and accents too (the index holds every accented word without accents as
 *    well). A word from the shared synonym list also searches the handbook's own term for it
 *    ("managers": leidinggevende). Every other word gets an exact clause that goes through the
 *    Dutch stemmer (plurals, -ing/-en), a prefix clause (the last word only: it is being typed), a clause without a
 *    diminutive ending or English plural -es, and each clause is weighted by how rare the word
 *    is on the site: in "reflecteren op je eigen werk met collega's" the one rare word decides,
 *    not "werk" or "eigen", which nearly every page has. A word the site does not hold is split
 *    into known parts when it is a compound ("jeugdzorgorganisatie": jeugdzorg, organisatie) and
 *    gets clauses that allow one or two typing errors. A query in lunr's own syntax is left alone.
 *    A question or situation (three or more words that carry meaning) leaves out its question
 *    words and filler ("hoe", "kunnen", "zelf"), and lunr's result comes back to Material with
 *    its pages in the order of zoekregels.js (`rank`), which reads it as a question.
 * 4. When nothing is found, a short Dutch answer with the werkvormen whose names are closest to
 *    the query and a link to the catalogue with its filters, never an empty list.
 *
 * The index side (other names, reasons, word parts, accent-free words, page weights, and the
 * table of words `config.handbook` this file reads) is made at build time by
 * src/handbook/search/index.py and src/handbook/search/wordforms.py.
 */
(function () {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's SearchMessageType
  var STOP = ("aan al alle als bij dan dat de den der die dit door een en er hem het hoe hun " +
              "ik in is je jij jou jouw kan kun me meer met mijn na naar niet nog of om ook op " +
              "over te tot u uit van voor wat we welke wie wij zij ze zo zonder").split(" ");
  var MIN_PART = 3, LINKS = ["s", "en", "e"];
  var SECTIONS = 3;  // sections shown under a page for a question (Material shows every matching one)
  var rules = window.hbZoekregels || null;  // zoekregels.js: compounds, and the order for a question
  var help = null;  // config.handbook of the index: {paginas, woorden: {word: pages}, termen: {word: term}}
  var model = null;  // what rules.rank needs of the index (zoekregels.js), made once it arrives
  var werkvormen = [];  // [{title, location, names}] for the answer when nothing is found

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* "lesje" -> "les", "groepje" -> "groep", "huisjes" -> "huis", "balletje" -> "bal" */
  function withoutDiminutive(word) {
    var m = /^(.{3,}?)(?:(.)\2etjes?|etjes?|tjes?|pjes?|jes?)$/.exec(word);
    if (!m) { return null; }
    return m[2] ? m[1] + m[2] : m[1];
  }

  /* How many pages hold the word; 0 when the site does not (a typo, or a word of its own). */
  function pages(word) {
    return help && help.woorden[word] || 0;
  }

  /* 1 for a word on one page (or none), near 0 for a word on every page. */
  function rarity(word) {
    var n = pages(word);
    if (!help || !n) { return 1; }
    return Math.log((help.paginas + 1) / n) / Math.log(help.paginas + 1);
  }

  /* The known parts of a compound the site does not hold, as src/handbook/search/wordforms.py splits
     (bounded: see zoekregels.js). */
  function splitCompound(word) {
    return rules ? rules.splitCompound(word, function (part) { return pages(part) > 0; }) : [];
  }

  /* The handbook's own terms for words of the shared list in the query: "peer supervision" -> intervisie. */
  function handbookTerms(words) {
    if (!help || !help.termen) { return []; }
    var query = " " + words.join(" ") + " ", singular = " " + words.map(function (word) {
      return word.replace(/(?:en|s)$/, "");
    }).join(" ") + " ", found = [];
    Object.keys(help.termen).forEach(function (other) {
      var key = " " + other.replace(/-/g, " ") + " ";
      if (query.indexOf(key) >= 0 || singular.indexOf(key) >= 0) {
        found = found.concat(help.termen[other].split(/[\s-]+/));
      }
    });
    return found.filter(function (word) { return word.length > 1 && STOP.indexOf(word) < 0; });
  }

  /* Lunr clauses for one word, weighted by how rare it is; `common` when rarer words carry the query. */
  function clauses(word, common, typing) {
    var plain = fold(word);
    if (plain.length < 3) { return [plain + "^1"]; }
    var weight = 1 + Math.round(9 * Math.pow(rarity(plain), 2));
    if (common) { return [plain + "^1"]; }
    var apart = help && help.apart && help.apart[plain];  // ervaren: not stemmed onto ervaring
    var out = [(apart || plain) + "^" + 6 * weight];  // exact, stemmed
    if (typing) { out.push(plain + "*^" + weight); }  // prefix: only the word still being typed
    var known = pages(plain) > 0;
    if (!known && plain.length >= 5) { out.push(plain + "~" + (plain.length >= 9 ? 2 : 1)); }
    var stem = withoutDiminutive(plain);
    if (stem && stem.length >= 3) { out.push(stem + "^" + 3 * weight); }
    if (/[^aeiou]es$/.test(plain) && plain.length >= 6) { out.push(plain.slice(0, -2) + "^" + 3 * weight); }  // masterclasses
    if (plain !== word && !apart) { out.push(word + "^" + 6 * weight); }  // as typed, with its accents
    if (!known && plain.length >= 2 * MIN_PART) {
      splitCompound(plain).forEach(function (part) {
        out.push(part + "^" + 3 * (1 + Math.round(9 * Math.pow(rarity(part), 2))));
      });
    }
    return out;
  }

  function rewrite(query) {
    if (/(^|\s)[+-]|[~^:*"]/.test(query)) { return query; }
    var words = query.toLowerCase().replace(/['’`]s\b/g, "s").split(/[^\p{L}\p{N}]+/u)
      .filter(function (word) { return word.length > 0; });  // as typed: "cliënt" also finds the accented title
    var kept = words.filter(function (word) { return word.length > 1 && STOP.indexOf(fold(word)) < 0; });
    if (!kept.length) { kept = words; }
    var needs = rules ? kept.filter(function (word) { return !rules.filler(fold(word)); }) : kept;
    if (needs.length >= 3) { kept = needs; }  // a question: "kunnen", "moet", "zelf" find nothing worth having
    var plain = kept.map(fold);
    kept = kept.concat(handbookTerms(words.map(fold)).filter(function (word) { return plain.indexOf(word) < 0; }));
    var rarest = Math.max.apply(null, kept.map(function (word) { return rarity(fold(word)); }));
    var last = fold(words[words.length - 1] || "");
    return kept.map(function (word) {
      return clauses(word, kept.length > 1 && rarest > 0.5 && rarity(fold(word)) < 0.15, fold(word) === last);
    }).reduce(function (all, some) { return all.concat(some); }, []).join(" ");
  }

  /* 4. The answer when nothing is found: the werkvormen with the closest names, and the catalogue. */
  function trigrams(text) {
    var padded = "  " + fold(text.toLowerCase()).replace(/[^\p{L}\p{N}]+/gu, " ") + " ", out = {};
    for (var i = 0; i < padded.length - 2; i++) { out[padded.slice(i, i + 3)] = true; }
    return out;
  }

  /* The share of the query's letter triples that the name holds: "intervisei" is close to Intervisie. */
  function closeness(asked, name) {
    var keys = Object.keys(asked), shared = 0;
    keys.forEach(function (key) { if (name[key]) { shared++; } });
    return shared / (keys.length || 1);
  }

  function closest(query, count) {
    var asked = trigrams(query);
    return werkvormen.map(function (werkvorm) {
      var score = Math.max.apply(null, werkvorm.names.map(function (name) { return closeness(asked, trigrams(name)); }));
      return {werkvorm: werkvorm, score: score};
    }).filter(function (found) { return found.score >= 0.3; })
      .sort(function (a, b) { return b.score - a.score; }).slice(0, count)
      .map(function (found) { return found.werkvorm; });
  }

  function siteUrl(path) {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (error) { /* the page's own folder */ }
    return new URL(path, new URL(base.replace(/\/?$/, "/"), location.href)).href;
  }

  function link(text, path) {
    var a = document.createElement("a");
    a.href = siteUrl(path);
    a.textContent = text;
    return a;
  }

  function answerNothing(query) {
    var result = document.querySelector(".md-search-result");
    if (!result) { return; }
    var box = result.querySelector(".hb-search-none") || document.createElement("div");
    box.className = "hb-search-none";
    box.setAttribute("role", "status");
    box.textContent = "";
    var lead = document.createElement("p");
    lead.textContent = "Niets gevonden voor \u2018" + query + "\u2019. ";
    var near = closest(query, 3);
    if (near.length) {
      lead.appendChild(document.createTextNode("Bedoel je misschien een van deze werkvormen?"));
      box.appendChild(lead);
      var list = document.createElement("ul");
      near.forEach(function (werkvorm) {
        var item = document.createElement("li");
        item.appendChild(link(werkvorm.title, werkvorm.location));
        list.appendChild(item);
      });
      box.appendChild(list);
    } else {
      box.appendChild(lead);
    }
    var more = document.createElement("p");
    more.appendChild(document.createTextNode("Of kies een werkvorm met de filters in "));
    more.appendChild(link("alle werkvormen", "werkvormen/"));
    more.appendChild(document.createTextNode(": voor wie, thema, doel en duur."));
    box.appendChild(more);
    result.appendChild(box);
  }

  function clearNothing() {
    var box = document.querySelector(".hb-search-none");
    if (box) { box.remove(); }
  }

  function learn(index) {
    if (!index || !index.config) { return; }
    model = rules ? rules.begin(index) : null;
    setTimeout(build, 0);  // a few pages at a time once the index arrived, never one long task
    help = index.config.handbook || null;
    werkvormen = (index.docs || []).filter(function (doc) {
      return /^werkvormen\/[^#]+\/$/.test(doc.location);
    }).map(function (doc) {
      return {title: doc.title, location: doc.location, names: [doc.title, doc.namen || ""]};
    });
  }

  function build() {
    var until = performance.now() + 8;
    while (model && !model.done && performance.now() < until) { rules.step(model); }
    if (model && !model.done) { setTimeout(build, 0); }
  }

  function modelled() {  // a question before the model is done finishes it at once
    while (model && !model.done) { rules.step(model); }
    return model;
  }

  /* Each result with only the query terms it holds: Material lists the others under every result
     ("Ontbreekt: ..."), one `innerHTML +=` per word, hundreds for a long question; that list is hidden
     (handboek.css: the words were found in another form), so it is not made at all. For a question,
     a page shows its SECTIONS best sections: a long question's common words match nearly every
     section, and drawing them all made the answer slow on a phone. */
  function lighter(data, question) {
    if (!data || !data.items) { return data; }
    var items = data.items.map(function (group) {
      var page = group.filter(function (doc) { return doc && String(doc.location).indexOf("#") < 0; });
      var sections = group.filter(function (doc) { return page.indexOf(doc) < 0; });
      var kept = question ? page.concat(sections.slice(0, SECTIONS)) : group;
      return kept.map(function (doc) {
        if (!doc || !doc.terms) { return doc; }
        var terms = {};
        Object.keys(doc.terms).forEach(function (term) { if (doc.terms[term]) { terms[term] = true; } });
        return Object.assign({}, doc, {terms: terms});
      });
    });
    return Object.assign({}, data, {items: items});
  }

  function isQuestion(query) {
    return !!(rules && rules.isQuestion(query));
  }

  /* Material's result for a question or situation, its pages in the order rules.rank gives. */
  function reordered(data, query) {
    var items = data && data.items;
    if (!items || items.length < 2 || !query.trim() || !modelled()) { return data; }
    var at = function (group) { return String(group[0] && group[0].location || "").split("#")[0]; };
    var locations = items.map(at);
    var typed = query.toLowerCase().split(/[^\p{L}\p{N}]+/u).map(fold);
    var order = rules.rank(model, query, locations, handbookTerms(typed));
    var byLocation = {};
    items.forEach(function (group) { byLocation[at(group)] = group; });
    var again = order.map(function (location) { return byLocation[location]; });
    if (order.join() === locations.join()) { return data; }  // a name, a typo, a term: lunr's order as it was
    return Object.assign({}, data, {items: again});
  }

  /* 1. Hold back the index request until the reader starts to search. */
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

  /* 2. Every change of the box reaches Material, also a paste without a key. */
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) {
      event.target.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true}));
    }
  }, true);

  /* 3. Rewrite each query on its way to Material's search worker. */
  var Native = window.Worker;
  if (!Native) { return; }
  function SearchWorker(url, options) {
    var worker = new Native(url, options);
    if (!/workers\/search\./.test(String(url))) { return worker; }
    var post = worker.postMessage;
    var asked = "";
    var listen = worker.addEventListener, unlisten = worker.removeEventListener, wrapped = [];
    worker.addEventListener = function (type, listener, options) {
      if (type !== "message" || typeof listener !== "function") { return listen.apply(worker, arguments); }
      var inner = function (event) {
        if (!(event.data && event.data.type === RESULT)) { return listener.call(this, event); }
        var data = lighter(reordered(event.data.data, asked), isQuestion(asked));
        return listener.call(this, new MessageEvent("message", {data: {type: RESULT, data: data}}));
      };
      wrapped.push([listener, inner]);
      return listen.call(worker, type, inner, options);
    };
    worker.removeEventListener = function (type, listener, options) {
      var found = wrapped.filter(function (pair) { return pair[0] === listener; })[0];
      return unlisten.call(worker, type, found ? found[1] : listener, options);
    };
    worker.postMessage = function (message) {
      if (message && message.type === SETUP) { learn(message.data); }
      if (message && message.type === QUERY && typeof message.data === "string") {
        asked = message.data;
        message = {type: QUERY, data: rewrite(message.data)};
      }
      return post.apply(worker, [message].concat([].slice.call(arguments, 1)));
    };
    listen.call(worker, "message", function (event) {  // its own listener: the result as the worker sent it
      if (event.data && event.data.type === RESULT) {
        var none = asked.trim() && !(event.data.data && event.data.data.items && event.data.data.items.length);
        var query = asked.trim();
        setTimeout(function () { if (none) { answerNothing(query); } else { clearNothing(); } }, 0);
      }
      var box = document.querySelector("[data-md-component=search-query]");
      if (event.data && event.data.type === READY && box && box.value) {
        setTimeout(function () { box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true})); }, 0);
      }
    });
    return worker;
  }
  SearchWorker.prototype = Native.prototype;
  window.Worker = SearchWorker;
})();
