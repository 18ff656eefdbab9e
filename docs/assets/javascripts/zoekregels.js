/* How the search box reads a Dutch query and weighs the pages for a whole question or situation.
 *
 * Pure functions, no page and no requests: zoeken.js (loaded after this file) uses them on the
 * search index Material already fetched, and tests and bench/search_eval.py call them directly.
 *
 * - `splitCompound`: the known parts of a compound the site does not hold, by the rule of
 *   src/handbook/search/wordforms.py, bounded the same way (a word over 40 letters is never split, at
 *   most 4 parts, each start of the word tried once): a typed word can no longer freeze the tab.
 * - `model` and `rank`: lunr (inside Material) finds the pages; for a query of three or more
 *   words that carry meaning, `rank` orders them again as a reader expects an answer to a
 *   question: question words, auxiliaries and filler weigh nothing, a rare word weighs more than
 *   a common one, a word counts once per page however often the page repeats it, a page whose
 *   name, summary or one reason (`wanneer_kiezen`) holds several of the query's words ranks
 *   above one that holds one of them, words next to each other in the query count more when
 *   they stand together on the page, and a word that is only a part of a longer word on the page
 *   ("wisselen" in "uitwisseling") counts for a third. A word found only in the body counts less
 *   the longer the body is (BM25's length norm, for a word counted once): a page whose text grew
 *   holds more of any question's words by chance, and must not come up first for every question.
 *   A word in a page's name weighs by how few names hold it, when that is more than its weight in
 *   all texts: "begin" stands in many texts but in one name ("Een leernetwerk starten", with its
 *   synonyms). A past participle counts for its verb (gewerkt: werken).
 */
(function (root) {
  "use strict";

  var MIN_PART = 3, MAX_WORD = 40, MAX_PARTS = 4, LINKS = ["s", "en", "e"];
  var STOP = ("aan al alle als bij dan dat de den der die dit door een en er hem het hoe hun " +
              "ik in is je jij jou jouw kan kun me meer met mijn na naar niet nog of om ook op " +
              "over te tot u uit van voor wat we welke wie wij zij ze zo zonder").split(" ");
  // In a question these carry no need: question words, auxiliaries, pronouns, filler.
  var FILLER = toSet(STOP.concat(("waar wanneer waarom welk kunt kunnen moet moeten mag mogen wil wilt " +
    "willen zou zouden zal zullen zijn ben bent was waren wordt worden word heb hebt heeft hebben " +
    "doet gaat ga ons onze jullie mij iemand iets daar hier toch even eens graag manier keer zelf " +
    "dus maar want omdat terwijl zodat hoe tijdens hele heel erg veel vaak beter best zoals wel " +
    "elkaar ander andere anderen krijg krijgen kom komt weet weten zie ziet zien vind vinden " +
    "mensen iedereen allemaal steeds weer nu echt nooit altijd soms gewoon eigenlijk precies " +
    "laten laat zit zitten zat staan staat ligt liggen af toe").split(" ")));
  // particles that are not also prepositions (wordforms.ONLY_PARTICLES): "samen laten komen", "mee laten lopen"
  var PARTICLES = toSet("mee terug samen toe weg af".split(" "));
  var FIELD = {name: 3, core: 2, body: 1};  // title and other names; summary and reasons; the rest
  var PART = 0.35;  // a query word found only inside a longer word of the page
  var NEAR = 6;  // words apart in the body that still count as a phrase
  // weights, measured on the tune half of bench/search_questions.yml and on bench/search_queries.yml
  // length and saturation: BM25's b and k1 for the body, its usual values (b 0.5 and k1 0.5 measured the same; b 1 or k1 2 lost an earlier query)
  // naming: the share of a word's rarity among names that a name hit may weigh (0.25 and 0.3 won the same on the tune half)
  var WEIGHTS = {least: 3, short: 0.3, prior: 0.3, role: 0.3, joined: 0.7, focus: 2, phrase: 1, coverage: 1,
                 length: 0.75, saturation: 1.2, naming: 0.25};

  function toSet(list) {
    var set = Object.create(null);
    list.forEach(function (word) { set[word] = true; });
    return set;
  }

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    return fold(text.replace(/<[^>]+>/g, " ").replace(/['’`]s\b/g, "s")).split(/[^\p{L}\p{N}]+/u)
      .filter(function (word) { return word.length > 0; });
  }

  /* A light Dutch stem, the same for a word on the page and in the query: studenten, student ->
     student; lessen, les -> les; leren, leer -> ler; organisaties, organisatie -> organisati. */
  var stems = Object.create(null);
  function stem(word) {
    if (!(word in stems)) { stems[word] = stemOf(word); }
    return stems[word];
  }

  function stemOf(word) {
    var w = word;
    var small = /^(.{4,}?)(?:etjes?|tjes?|pjes?)$/.exec(w);
    if (small) { w = small[1]; }
    if (w.length > 5 && /heden$/.test(w)) { w = w.slice(0, -5) + "heid"; }
    else if (w.length > 5 && /ingen$/.test(w)) { w = w.slice(0, -2); }
    else if (w.length > 4 && /en$/.test(w)) { w = w.slice(0, -2); }
    else if (w.length > 4 && /[^s]s$/.test(w)) { w = w.slice(0, -1); }
    if (w.length > 4 && /e$/.test(w)) { w = w.slice(0, -1); }
    w = w.replace(/([^aeiou])\1$/, "$1");  // less -> les
    w = w.replace(/(aa|ee|oo|uu)([^aeiou])$/, function (all, vowel, last) { return vowel[0] + last; });
    return w.replace(/v$/, "f").replace(/z$/, "s");
  }

  /* The known parts of a compound (see src/handbook/search/wordforms.py); `known(word)` says whether the
     site holds a word. Bounded: at most MAX_PARTS parts, words over MAX_WORD letters never split,
     each start of the word tried once. */
  function splitCompound(word, known) {
    if (word.length > MAX_WORD) { return []; }
    var memo = Object.create(null);
    function split(part, most) {
      var key = most + ":" + part;
      if (!(key in memo)) { memo[key] = most >= 2 ? splitOnce(part, most) : []; }
      return memo[key];
    }
    function splitOnce(part, most) {
      for (var cut = MIN_PART; cut <= part.length - MIN_PART; cut++) {
        var head = part.slice(cut), modifier = part.slice(0, cut);
        if (!known(head) || STOP.indexOf(head) >= 0 || (head.length === 3 && /en$/.test(head))) { continue; }
        var stems = LINKS.filter(function (link) { return modifier.length > link.length && modifier.slice(-link.length) === link; })
          .map(function (link) { return modifier.slice(0, -link.length); }).concat([modifier])
          .filter(function (s) { return s.length >= MIN_PART && STOP.indexOf(s) < 0; });
        for (var i = 0; i < stems.length; i++) {
          if (known(stems[i])) { return [stems[i], head]; }
        }
        for (var j = 0; j < stems.length; j++) {
          var inner = split(stems[j], most - 1);
          if (inner.length) { return inner.concat([head]); }
        }
      }
      return [];
    }
    return split(word, MAX_PARTS);
  }

  /* Edit distance of two short words, or limit + 1 once it is certain to be larger. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) { return limit + 1; }
    var previous = [], current = [], i, j;
    for (j = 0; j <= b.length; j++) { previous[j] = j; }
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        best = Math.min(best, current[j]);
      }
      if (best > limit) { return limit + 1; }
      previous = current;
    }
    return previous[b.length];
  }

  /* What `rank` needs of the search index: per page its names, its summary and reasons as
     sentences, its other words in order, and for every stem the pages that hold it. Made a page
     at a time (`begin`, then `step` until `done`), so a phone's browser can make it between other
     work; `model` makes it at once. */
  function begin(index) {
    var grouped = Object.create(null), order = [];
    (index.docs || []).forEach(function (doc) {
      var at = doc.location.split("#")[0];
      if (!grouped[at]) { grouped[at] = []; order.push(at); }
      grouped[at].push(doc);
    });
    return {pages: [], holding: Object.create(null), naming: Object.create(null), vocabulary: [], count: order.length, bodyWords: 0, withBody: 0,
            waiting: order.map(function (at) { return [at, grouped[at]]; }), seen: Object.create(null), done: !order.length};
  }

  function step(m) {
    var next = m.waiting.shift();
    if (!next) { return m; }
    var page = pageOf(next[0], next[1]);
    m.pages.push(page);
    m.bodyWords += page.body.length;  // for the average length of a body
    m.withBody += page.body.length ? 1 : 0;
    Object.keys(page.vocabulary).forEach(function (s) {
      m.holding[s] = (m.holding[s] || 0) + 1;
      if (!m.seen[s]) { m.seen[s] = true; m.vocabulary.push(s); }
    });
    Object.keys(page.nameOwn).forEach(function (s) { m.naming[s] = (m.naming[s] || 0) + 1; });
    m.done = !m.waiting.length;
    return m;
  }

  function model(index) {
    var m = begin(index);
    while (!m.done) { step(m); }
    return m;
  }

  function pageOf(at, docs) {
    var page = {location: at, boost: 1, name: [], core: [], body: []};
    docs.forEach(function (doc) {
      if (doc.location === at) {
        page.boost = typeof doc.boost === "number" ? doc.boost : 1;
        page.name = words((doc.title || "") + " " + (doc.namen || "")).map(stem);
        var summary = (doc.text || "").replace(/<p>Ook bekend als:[^<]*<\/p>/, " ");
        page.core = sentences(summary + ". " + (doc.wanneer || ""));
      } else {
        words((doc.title || "") + ". " + (doc.text || "")).forEach(function (word) { page.body.push(stem(word)); });
      }
    });
    var own = Object.create(null);
    [page.name, page.body].concat(page.core).forEach(function (list) {
      list.forEach(function (s) { own[s] = true; });
    });
    page.vocabulary = own;
    page.name = page.name.concat(verbStems(page.name));
    page.core = page.core.map(function (some) { return some.concat(verbStems(some)); });
    page.nameOwn = toSet(page.name);
    page.bodyAt = Object.create(null);  // where each stem stands in the body: for words near each other
    page.body.forEach(function (s, i) {
      (page.bodyAt[s] = page.bodyAt[s] || []).push(i);
      verbStems([s]).forEach(function (v) { (page.bodyAt[v] = page.bodyAt[v] || []).push(i); });
    });
    page.bodyOwn = page.bodyAt;
    page.coreOwn = toSet([].concat.apply([], page.core));
    page.coreSets = page.core.map(toSet);
    return page;
  }

  /* A word in -t may be a verb form: "geeft" counts for "geven" too (the stem of both: gef). Only
     added to what a page holds, so that "docent" on a page is never lost. */
  function verbStems(list) {
    return list.filter(function (s) { return s.length > 4 && /[^aeioust]t$/.test(s); })
      .map(function (s) { return stem(s.slice(0, -1)); });
  }

  function sentences(text) {
    return text.replace(/<[^>]+>/g, " ").split(/[.!?;]+\s/).map(function (s) { return words(s).map(stem); })
      .filter(function (s) { return s.length; });
  }

  /* The words of a query that carry its need, each with a weight and the stems that count for it. */
  function terms(query, m, synonyms) {
    var typed = words(query);
    var out = needs(typed).map(function (t) {
      return {word: t.word, at: t.at, stems: candidates(t.word, stem(t.word), m), role: t.role};
    });
    // a particle joined with a verb after it: "samen laten komen" also asks for "samenkomen"
    typed.forEach(function (word, at) {
      if (!PARTICLES[word]) { return; }
      typed.slice(at + 1, at + 4).forEach(function (verb) {
        var joined = stem(word + verb);
        if (verb.length > 2 && m.holding[joined]) {
          out.push({word: word + verb, at: at, stems: [{stem: joined, full: 1}], role: false, joined: true});
        }
      });
    });
    (synonyms || []).forEach(function (term) {
      var s = stem(term);
      if (m.holding[s] && !out.some(function (t) { return t.stems[0] && t.stems[0].stem === s; })) {
        out.push({word: term, at: -1, stems: [{stem: s, full: 1}], role: false});
      }
    });
    out.forEach(function (t) {
      t.stems.forEach(function (c) {  // the site's longer words that hold this one: wissel in uitwisseling
        c.longer = c.stem.length < 5 ? [] : m.vocabulary.filter(function (other) {
          return other.length > c.stem.length && other.indexOf(c.stem) >= 0;
        });
      });
      var pagesWith = Math.max.apply(null, t.stems.map(function (c) { return m.holding[c.stem] || 0; }).concat([1]));
      var factor = (t.role ? WEIGHTS.role : 1) * (t.joined ? WEIGHTS.joined : 1);
      t.weight = rarity(pagesWith, m) * factor;
      // in a name, a word weighs by how few names hold it: "begin" is in many texts, in one name
      var namesWith = Math.max.apply(null, t.stems.map(function (c) { return m.naming[c.stem] || 0; }).concat([0]));
      t.nameWeight = namesWith ? Math.max(t.weight, rarity(namesWith, m) * factor * WEIGHTS.naming) : t.weight;
    });
    return out;
  }

  function rarity(pagesWith, m) {
    return Math.log((m.count + 1) / Math.max(pagesWith, 1)) / Math.log(m.count + 1);
  }

  /* The typed words that carry the need, where they stand, and whether they name who asks. */
  function needs(typed) {
    var out = [], afterAls = false;
    typed.forEach(function (word, at) {
      var role = afterAls;  // "als manager", "als team": who asks, not what they need
      afterAls = word === "als" || (afterAls && FILLER[word] === true);
      if (FILLER[word] || word.length < 2 || FILLER[stem(word)]) { return; }
      out.push({word: word, at: at, role: role});
    });
    return out;
  }

  /* The stems that count for a query word: its own; when the site lacks it, the parts of the
     compound or the stems one or two typing errors away. */
  function candidates(word, s, m) {
    if (m.holding[s]) { return [{stem: s, full: 1}]; }
    var forms = [word.replace(/t$/, ""), word.replace(/[dt]en?$/, ""),  // speelt -> speel; handelde -> handel
                 word.replace(/^ge(.{3,})[dt]$/, "$1")];  // a past participle: gewerkt -> werk, geleerd -> leer
    for (var f = 0; f < forms.length; f++) {
      if (forms[f] !== word && forms[f].length >= 4 && m.holding[stem(forms[f])]) { return [{stem: stem(forms[f]), full: 1}]; }
    }
    var parts = word.length >= 2 * MIN_PART ? splitCompound(word, function (part) { return !!m.holding[stem(part)]; }) : [];
    if (parts.length) {
      return parts.map(function (part) { return {stem: stem(part), full: 0.6}; });
    }
    if (s.length < 5) { return [{stem: s, full: 1}]; }
    var limit = s.length >= 9 ? 2 : 1, near = [];
    m.vocabulary.forEach(function (other) {
      if (other.length >= 4 && distance(s, other, limit) <= limit) { near.push({stem: other, full: 0.8}); }
    });
    return near.length ? near.slice(0, 5) : [{stem: s, full: 1}];
  }

  /* How well a set of stems holds one term: 1 whole, PART inside a longer word, 0 not. */
  function holds(own, term) {
    var best = 0;
    term.stems.forEach(function (c) {
      if (own[c.stem]) { best = Math.max(best, c.full); return; }
      if (best >= PART * c.full) { return; }
      for (var i = 0; i < c.longer.length; i++) {
        if (own[c.longer[i]]) { best = Math.max(best, PART * c.full); break; }
      }
    });
    return best;
  }

  /* What a word found only in the body of this page counts for: 1 for a body of average length or
     shorter, less for a longer one (BM25 with the word counted once: (k1 + 1) / (k1 * (1 - b + b *
     length / average) + 1)). Never more than 1: the body stays below the summary and the reasons. */
  function bodyWeight(page, m) {
    var average = m.withBody ? m.bodyWords / m.withBody : 0;
    if (!average || !page.body.length) { return 1; }
    var k = WEIGHTS.saturation, b = WEIGHTS.length;
    return Math.min(1, (k + 1) / (k * (1 - b + b * page.body.length / average) + 1));
  }

  function score(page, found, m, explain) {
    var total = 0, covered = 0, weight = 0, phrase = 0, body = bodyWeight(page, m);
    var perSentence = page.core.map(function () { return 0; }), perCount = perSentence.slice();
    var held = found.map(function (term) {
      weight += term.weight;
      var inName = holds(page.nameOwn, term), inCore = holds(page.coreOwn, term), inBody = body * holds(page.bodyOwn, term);
      total += Math.max(FIELD.name * inName * term.nameWeight, term.weight * Math.max(FIELD.core * inCore, FIELD.body * inBody));
      covered += term.weight * Math.max(inName, inCore, inBody);
      var sentences = inCore ? page.coreSets.map(function (own) { return holds(own, term); }) : null;
      if (sentences) {
        sentences.forEach(function (h, i) { perSentence[i] += term.weight * h; perCount[i] += h ? 1 : 0; });
      }
      return {name: inName, sentences: sentences};
    });
    // one sentence of the summary or one reason that holds two or more of the words
    var focus = Math.max.apply(null, perSentence.map(function (sum, i) { return perCount[i] >= 2 ? sum : 0; }).concat([0]));
    // words next to each other in the query, together in a name, a sentence or a few words apart
    for (var i = 0; i + 1 < found.length; i++) {
      var a = found[i], b = found[i + 1], ha = held[i], hb = held[i + 1];
      if (a.joined || b.joined || a.at < 0 || b.at < 0) { continue; }
      var pair = (a.weight + b.weight) / 2;
      var inSentence = ha.sentences && hb.sentences && ha.sentences.some(function (h, k) { return h && hb.sentences[k]; });
      if ((ha.name && hb.name) || inSentence) { phrase += pair; }
      else if (near(page.bodyAt, a, b)) { phrase += pair / 2; }
    }
    var coverage = weight ? covered / weight : 0;
    if (explain) { return {total: total, coverage: coverage, focus: focus, phrase: phrase, body: body, boost: page.boost}; }
    return page.boost * (total * Math.pow(coverage, WEIGHTS.coverage) + WEIGHTS.focus * focus + WEIGHTS.phrase * phrase);
  }

  function near(at, a, b) {
    var spots = function (term) {
      return [].concat.apply([], term.stems.map(function (c) { return at[c.stem] || []; }));
    };
    var sa = spots(a), sb = spots(b);
    for (var i = 0; i < sa.length; i++) {
      for (var j = 0; j < sb.length; j++) {
        if (Math.abs(sa[i] - sb[j]) <= NEAR) { return true; }
      }
    }
    return false;
  }

  function meaningOf(found) {  // the typed words that carry meaning (not a joined verb, not a synonym)
    return found.filter(function (t) { return !t.joined && t.at >= 0; }).length;
  }

  /* Whether `rank` reads this query as a question or situation (three or more words of meaning). */
  function isQuestion(query) {
    return needs(words(query)).length >= WEIGHTS.least;
  }

  /* The pages in `locations` (lunr's order) ordered again for a question or situation; the same
     order back for a query of fewer than three words that carry meaning (names, typos, terms). */
  function rank(m, query, locations, synonyms) {
    var found = terms(query, m, synonyms);
    var meaning = meaningOf(found);
    if (meaning < WEIGHTS.least) { return locations.slice(); }
    var byLocation = Object.create(null);
    m.pages.forEach(function (page) { byLocation[page.location] = page; });
    var scored = locations.map(function (at, position) {
      var page = byLocation[at];
      return {at: at, position: position, score: page ? score(page, found, m) : 0};
    });
    var top = Math.max.apply(null, scored.map(function (s) { return s.score; }).concat([1e-9]));
    scored.forEach(function (s) { s.total = s.score / top + (WEIGHTS.prior + (meaning <= 3 ? WEIGHTS.short : 0)) / (1 + s.position); });
    scored.sort(function (x, y) { return y.total - x.total || x.position - y.position; });
    return scored.map(function (s) { return s.at; });
  }

  var api = {weights: WEIGHTS, filler: function (word) { return FILLER[word] === true; }, splitCompound: splitCompound, stem: stem, model: model, begin: begin, step: step, rank: rank, isQuestion: isQuestion, terms: terms, explain: function (page, found, m) { return score(page, found, m || {withBody: 0}, true); }, fold: fold,
             STOP: STOP, MIN_PART: MIN_PART, MAX_WORD: MAX_WORD};
  if (typeof module === "object" && module.exports) { module.exports = api; } else { root.hbZoekregels = api; }
})(this);
