/* "Werkvorm voorstellen": a form built from the record's JSON Schema (the page carries it, generated
   from the same model the build validates with), checked as the editor types with the build's Dutch
   messages, turned into a YAML record. Nothing leaves the browser until the editor opens GitHub. */
(function () {
  "use strict";

  var host = document.querySelector("[data-hb-form]");
  if (!host || host.getAttribute("data-ready")) { return; }
  host.setAttribute("data-ready", "1");
  var params = new URLSearchParams(location.search);
  // a checklist, opened from its page (?checklist=SLUG), has a schema, a folder and a first line of its own
  var kind = params.get("checklist") ? "checklist" : "werkvorm";
  var attr = function (name) { return host.getAttribute(kind === "checklist" ? "data-checklist-" + name : "data-" + name); };
  var schema = JSON.parse(attr("schema"));
  var texts = JSON.parse(host.getAttribute("data-texts"));
  var rules = JSON.parse(host.getAttribute("data-rules"));
  var site = JSON.parse(host.getAttribute("data-site"));
  var defs = schema.$defs || {};
  var counter = 0;
  var submitted = false;
  var external = {}; // path -> problem found across fields or records (set by crossCheck, shown by the control)
  var sourceSelects = []; // the `bron` choices: the sources that exist, and the new ones described in this form
  var editing = null; // the slug of an existing werkvorm that is open in the form

  function say(key, values) {
    return texts[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name]; });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") { node.textContent = attrs[name]; } else { node.setAttribute(name, attrs[name]); }
    });
    (children || []).forEach(function (child) { if (child) { node.appendChild(child); } });
    return node;
  }

  /* A property's schema with $ref resolved and "X or null" (an optional field) unwrapped. */
  function norm(s) {
    var outer = s, inner = s;
    while (inner && inner.$ref) { inner = defs[inner.$ref.split("/").pop()]; }
    if (inner && inner.anyOf) {
      var options = inner.anyOf.filter(function (o) { return o.type !== "null"; });
      inner = norm(options[options.length - 1]);
    }
    var result = {};
    Object.keys(inner).forEach(function (k) { result[k] = inner[k]; });
    Object.keys(outer).forEach(function (k) {
      if (k === "title" || k === "description" || k.indexOf("x-hb-") === 0) { result[k] = outer[k]; }
    });
    return result;
  }

  function label(name, s) { return s.title || name; }

  function isEmpty(v) {
    return v === undefined || v === "" || (Array.isArray(v) && v.length === 0) ||
      (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);
  }

  /* ---- controls: each has .node, .get(), .set(value), .check(showAll) -> number of problems ---- */

  function control(name, s, required, path) {
    s = norm(s);
    var items = s.type === "array" && s.items ? norm(s.items) : null;
    // a fixed list (roles, themes) as tick boxes; the records (many, and more each year) as a list of choices
    if (items && items.enum && !items["x-hb-records"]) { return choices(name, s, required, path); }
    if (s.type === "array") { return list(name, s, required, path); }
    if (s.type === "object" && s.properties) { return group(name, s, required, false, path); }
    if (s.type === "object" && s.propertyNames) { return perKey(name, s, required, path); }
    return field(name, s, required, path);
  }

  function code(ch) { return ("000" + ch.codePointAt(0).toString(16).toUpperCase()).slice(-4); }

  /* textrules.py, as the model applies it to every text: invisible characters, Markdown that stays fast. */
  function textProblem(v, isTitle) {
    var chars = Array.from(v), i, ch;
    for (i = 0; i < chars.length; i += 1) {
      ch = chars[i];
      if (ch === "\n" || ch === "\t" || !/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch)) { continue; }
      var hex = code(ch), kind = /\p{Cc}/u.test(ch) ? "een stuurteken" : "een onzichtbaar teken";
      if (rules.bidi.indexOf(hex) !== -1) { kind = "een teken dat de leesrichting omdraait"; }
      var named = rules.invisibleNames[hex] ? ", " + rules.invisibleNames[hex] : "";
      return say("invisible", { kind: kind, code: hex, name: named, pos: i + 1 });
    }
    var brackets = v.split("[").length - 1;
    if (brackets > rules.brackets) { return say("brackets", { n: brackets }); }
    var run = new RegExp(rules.runPattern, "u").exec(v);
    if (run) { return say("run", { n: Array.from(run[0]).length, char: run[1] }); }
    if (new RegExp(rules.indentPattern, "mu").test(v)) { return texts.indent; }
    var breaks = v.split("\n").length - 1;
    if (breaks >= rules.lines) { return say("lines", { n: breaks + 1 }); }
    if (isTitle) {
      for (i = 0; i < chars.length; i += 1) {
        ch = chars[i];
        if (/\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch)) {
          var script = Object.keys(rules.scripts).filter(function (name) {
            return new RegExp("\\p{Script=" + name + "}", "u").test(ch);
          })[0];
          return say("script", { char: ch, script: script ? rules.scripts[script] : "niet-Latijns" });
        }
      }
    }
    return "";
  }

  function wrapper(name, s, required, input) {
    var id = input.id;
    var help = el("p", { "class": "hb-help", id: id + "-help", text: s.description || "" });
    var error = el("p", { "class": "hb-error", id: id + "-error", "aria-live": "polite" });
    input.setAttribute("aria-describedby", id + "-help " + id + "-error");
    var caption = el("label", { "for": id, text: label(name, s) + (required ? "" : " (mag leeg blijven)") });
    return { node: el("div", { "class": "hb-field" }, [caption, help, input, error]), error: error };
  }

  /* A problem is a text, or {text, action: {label, run}}: an existing title offers to edit that werkvorm. */
  function show(box, input, problem, visible) {
    var text = problem && problem.text !== undefined ? problem.text : problem;
    var key = visible && text ? text : "";
    if (box.shown === key && box.error.childNodes.length) { return; }  // keep a button the editor is clicking
    box.shown = key;
    box.error.textContent = key;
    if (visible && problem && problem.action) {
      var button = el("button", { type: "button", "class": "md-button hb-action", text: problem.action.label });
      button.addEventListener("click", problem.action.run);
      box.error.appendChild(document.createTextNode(" "));
      box.error.appendChild(button);
    }
    if (input) { input.setAttribute("aria-invalid", visible && text ? "true" : "false"); }
  }

  function textOf(problem) { return problem && problem.text !== undefined ? problem.text : problem; }

  function options(input, values, descriptions) {
    var chosen = input.value;
    input.textContent = "";
    input.appendChild(el("option", { value: "", text: "Kies..." }));
    values.forEach(function (value, i) {
      var text = descriptions && descriptions[i] ? descriptions[i] + " (" + value + ")" : value;
      input.appendChild(el("option", { value: value, text: text }));
    });
    input.value = chosen;
  }

  function field(name, s, required, path) {
    var id = "hb-f" + (counter += 1), input;
    if (s.enum) {
      input = el("select", { id: id, name: name });
      options(input, s.enum, s.enumDescriptions);
      if (s["x-hb-sources"]) { sourceSelects.push({ input: input, s: s }); }
    } else if (s.type === "boolean" && required) {  // a question that needs an answer: Ja or Nee, not a tick
      input = el("select", { id: id, name: name }, [
        el("option", { value: "", text: "Kies..." }), el("option", { value: "true", text: "Ja" }),
        el("option", { value: "false", text: "Nee" })]);
    } else if (s.contentMediaType === "text/markdown") {
      input = el("textarea", { id: id, name: name, rows: "4" });
    } else if (s.type === "integer") {
      input = el("input", { id: id, name: name, type: "text", inputmode: "numeric" });
    } else if (s.format === "date") {
      input = el("input", { id: id, name: name, type: "date" });
    } else if (s.type === "boolean") {
      input = el("input", { id: id, name: name, type: "checkbox" });
    } else {
      input = el("input", { id: id, name: name, type: "text" });
      if (s.maxLength) { input.setAttribute("maxlength", String(s.maxLength + 20)); }
      if (s["x-hb-licence"]) { input.setAttribute("list", "hb-licences"); }
    }
    if (required) { input.setAttribute("aria-required", "true"); }
    var box = wrapper(name, s, required, input), touched = false;
    if (s["x-hb-licence"]) { box.node.insertBefore(licenceHelp(), box.error); }
    if ((input.tagName === "TEXTAREA" || input.type === "text") && s.type === "string" && !s.enum && !s.pattern) {
      // what `check` warns about (a long sentence, a word the handbook writes otherwise): advice, not an error
      box.advice = el("p", { "class": "hb-advice", id: id + "-advice", hidden: "hidden" });
      box.node.appendChild(box.advice);
      input.setAttribute("aria-describedby", input.getAttribute("aria-describedby") + " " + id + "-advice");
    }

    function get() {
      if (s.type === "boolean" && input.tagName === "SELECT") { return input.value ? input.value === "true" : undefined; }
      if (s.type === "boolean") { return input.checked ? true : undefined; }
      var text = input.value.trim();
      if (!text) { return undefined; }
      if (s.type === "integer") { return /^-?\d+$/.test(text) ? parseInt(text, 10) : text; }
      return text;
    }

    function problem() {
      var own = ownProblem();
      return own || external[path] || "";
    }

    function ownProblem() {
      var v = get();
      if (v === undefined) { return required ? texts.missing : ""; }
      if (typeof v === "string" && v.indexOf(rules.placeholder) !== -1) { return texts.unfilled; }
      if (s.type === "integer") {
        if (typeof v !== "number") { return (s["x-hb-minutes"] && inMinutes(v)) || texts.int; }
        if (s.minimum !== undefined && v < s.minimum) { return say("minimum", { n: s.minimum }); }
        if (s.maximum !== undefined && v > s.maximum) { return say("maximum", { n: s.maximum }); }
        return "";
      }
      if (typeof v !== "string") { return ""; }
      if (s.format === "date") {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) { return texts.date; }
        if (v < rules.firstDay) { return texts.date_early; }
        if (v > rules.lastDay) { return texts.date_late; }
        return "";
      }
      var size = Array.from(v).length;  // Python counts characters, not UTF-16 units
      if (s.minLength && size < s.minLength) {
        return s.minLength === 1 ? texts.empty : say("too_short", { n: s.minLength });
      }
      if (s.maxLength && size > s.maxLength) { return say("too_long", { len: size, n: s.maxLength }); }
      if (s.pattern && !new RegExp(s.pattern, "u").test(v)) { return s.patternErrorMessage || s.errorMessage; }
      if (s.enum) { return ""; }
      var text = s.pattern && s.pattern.indexOf("a-z0-9") !== -1 ? "" : textProblem(v, s["x-hb-title"]);
      if (text) { return text; }
      var words = v.split(/\s+/).filter(Boolean).length;
      if (s["x-hb-words"] && words > s["x-hb-words"]) { return say("summary_words", { n: words, max: s["x-hb-words"] }); }
      if (s["x-hb-key"] && sourceKeys().indexOf(v) !== -1) { return say("source_exists", { key: v }); }
      if (s["x-hb-licence"] && rules.unknownLicences.indexOf(v.toLowerCase()) !== -1) {
        return { text: rules.unknownLicence.replace("{value}", v), action: { label: "Kies Alle rechten voorbehouden", run: function () {
          input.value = site.licences[0].name; input.dispatchEvent(new Event("input")); input.dispatchEvent(new Event("change"));
        } } };
      }
      return "";
    }

    function check(all) {
      var p = problem();
      show(box, input, p, touched || all || !!external[path]);
      if (box.advice) {
        var found = p ? [] : advise(get(), path);
        box.advice.textContent = found.join(" ");
        box.advice.hidden = !found.length;
      }
      return p ? [{ text: label(name, s) + ": " + textOf(p), target: input }] : [];
    }

    input.addEventListener(input.tagName === "SELECT" || s.type === "boolean" ? "change" : "input", function () {
      touched = true; check(submitted); changed();
    });
    input.addEventListener("blur", function () { if (input.value) { touched = true; check(submitted); } });
    if (s["x-hb-key"]) {  // a new source, once named, is chosen under "Bronnen" (a new name replaces the old there)
      var lastKey = "";
      input.addEventListener("change", function () { var key = input.value.trim(); chooseNewSource(lastKey, key); lastKey = key; });
    }
    return {
      node: box.node, get: get, check: check, focus: input,
      set: function (v) {
        if (s.type === "boolean" && input.tagName === "SELECT") { input.value = v === undefined ? "" : String(v); }
        else if (s.type === "boolean") { input.checked = !!v; }
        else {
          if (input.tagName === "SELECT" && v !== undefined && !input.querySelector("option[value='" + String(v).replace(/'/g, "") + "']")) {
            var shown = s["x-hb-sources"] ? "nieuwe bron (" + String(v) + ")" : String(v);  // as refreshSources names it
            input.appendChild(el("option", { value: String(v), text: shown }));  // a draft's new source
          }
          input.value = v === undefined ? "" : String(v);
        }
      }
    };
  }

  /* A duration typed as in a sentence in a minutes field ('1,5 uur', '60-90'): what to fill in (messages.in_minutes). */
  function inMinutes(text) {
    var lower = text.toLowerCase();
    var numbers = (lower.match(new RegExp(rules.number, "g")) || []).slice(0, 2);
    if (!numbers.length) { return ""; }
    var hours = new RegExp(rules.hours).test(lower);
    var found = numbers.map(function (n) { return Math.round(parseFloat(n.replace(",", ".")) * (hours ? 60 : 1)); });
    var low = Math.min.apply(null, found), high = Math.max.apply(null, found);
    var said = !hours ? "" : say(low === high ? "minutes_said_one" : "minutes_said_range", { text: text, low: low, high: high });
    if (low !== high) { return say("minutes_range", { low: low, high: high }) + (said ? " (" + said + ")" : ""); }
    return said ? say("minutes_one", { said: said, low: low }) : "";
  }

  /* advice.py, as `check` warns: a word the handbook writes otherwise, a sentence of more than the B1 limit. */
  var TERMS = rules.terms.map(function (t) {
    return { pattern: new RegExp("(?<![\\p{L}\\p{N}_])(?:" + t[0] + ")(?![\\p{L}\\p{N}_])", "giu"), word: t[1], why: t[2] };
  });
  function advise(v, path) {
    var found = [];
    if (typeof v !== "string" || !v) { return found; }
    if (path.indexOf("ook_bekend_als") !== 0) {
      TERMS.forEach(function (t) {
        (v.match(t.pattern) || []).forEach(function (m) { found.push(say("term", { found: m, word: t.word, why: t.why })); });
      });
    }
    (v.match(new RegExp(rules.sentencePattern, "g")) || []).forEach(function (sentence) {
      var words = sentence.split(/\s+/).filter(Boolean);
      if (words.length > rules.sentenceWords) {
        var start = words.slice(0, rules.startWords).join(" ") + (words.length > rules.startWords ? " ..." : "");
        found.push(say("sentence", { n: words.length, max: rules.sentenceWords, start: start }));
      }
    });
    return found.map(function (f) { return "Tip: " + f + "."; });
  }

  function licenceHelp() {
    var details = el("details", { "class": "hb-licences" }, [el("summary", { text: "Wat betekenen de licenties?" })]);
    var dl = el("dl");
    site.licences.forEach(function (l) {
      dl.appendChild(el("dt", { text: l.name }));
      dl.appendChild(el("dd", { text: l.help }));
    });
    details.appendChild(dl);
    return details;
  }

  /* A list of words from a fixed list (roles, themes, goals): tick boxes. */
  function choices(name, s, required, path) {
    var item = norm(s.items), id = "hb-f" + (counter += 1);
    var fieldset = el("fieldset", { "class": "hb-choices", id: id });
    fieldset.appendChild(el("legend", { text: label(name, s) + (required ? "" : " (mag leeg blijven)") }));
    var help = el("p", { "class": "hb-help", text: s.description || item.description || "" });
    var error = el("p", { "class": "hb-error", "aria-live": "polite" });
    fieldset.appendChild(help);
    var boxes = item.enum.map(function (value, i) {
      var box = el("input", { type: "checkbox", id: id + "-" + i, name: name, value: value });
      var text = item.enumDescriptions ? item.enumDescriptions[i] + " (" + value + ")" : value;
      fieldset.appendChild(el("div", { "class": "hb-choice" }, [box, el("label", { "for": id + "-" + i, text: text })]));
      box.addEventListener("change", function () { check(submitted); changed(); });
      return box;
    });
    fieldset.appendChild(error);
    var order = []; // the order of an opened record's words: kept, so opening and saving changes nothing
    function get() {
      var v = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
      v.sort(function (a, b) {
        var i = order.indexOf(a), j = order.indexOf(b);
        return (i === -1 ? order.length + item.enum.indexOf(a) : i) - (j === -1 ? order.length + item.enum.indexOf(b) : j);
      });
      return v.length ? v : undefined;
    }
    function check(all) {
      var v = get() || [], min = s.minItems || 0, p = "";
      if (required && !v.length) { p = min > 1 ? say("few_items", { n: min }) : texts.missing; }
      else if (v.length && v.length < min) { p = say("few_items", { n: min }); }
      p = p || textOf(external[path]) || "";
      error.textContent = all || v.length ? p : "";
      return p ? [{ text: label(name, s) + ": " + p, target: boxes[0] }] : [];
    }
    return {
      node: fieldset, get: get, check: check, focus: boxes[0],
      set: function (v) { order = (v || []).slice(); boxes.forEach(function (b) { b.checked = order.indexOf(b.value) !== -1; }); },
      onChange: function (fn) { boxes.forEach(function (b) { b.addEventListener("change", fn); }); }
    };
  }

  /* A list of texts or of groups (steps, tips, sources): items added and removed with buttons. */
  function list(name, s, required, path) {
    var itemSchema = norm(s.items || {});
    var itemName = s["x-hb-item"] || label(name, s);
    // "- Begin klein." for "- tekst: Begin klein.": a list whose items may be a plain text or a group
    var plainKey = (s.items && s.items.anyOf || []).some(function (o) { return o.type === "string"; }) &&
      itemSchema.properties ? Object.keys(itemSchema.properties)[0] : null;
    var fieldset = el("fieldset", { "class": "hb-list" });
    fieldset.appendChild(el("legend", { text: label(name, s) + (required ? "" : " (mag leeg blijven)") }));
    fieldset.appendChild(el("p", { "class": "hb-help", text: s.description || "" }));
    var items = el("ol", { "class": "hb-items" });
    var error = el("p", { "class": "hb-error", "aria-live": "polite" });
    var add = el("button", { type: "button", "class": "md-button hb-add", text: "+ " + itemName + " toevoegen" });
    fieldset.appendChild(items);
    fieldset.appendChild(error);
    fieldset.appendChild(add);
    var rows = [];

    function addRow(value) {
      var title = itemName + " " + (rows.length + 1);
      var inner = control(name, Object.assign({}, itemSchema, { title: title, $ref: undefined }), true, path + ".*");
      var remove = el("button", { type: "button", "class": "md-button hb-remove", text: "Verwijder" });
      var li = el("li", {}, [inner.node, remove]);
      var row = { inner: inner, li: li };
      remove.setAttribute("aria-label", "Verwijder item uit " + label(name, s));
      remove.addEventListener("click", function () {
        rows.splice(rows.indexOf(row), 1); li.remove(); check(submitted); changed(); add.focus();
      });
      rows.push(row);
      items.appendChild(li);
      if (typeof value === "string" && plainKey) { var whole = {}; whole[plainKey] = value; value = whole; }
      if (value !== undefined) { inner.set(value); }
      return inner;
    }
    add.addEventListener("click", function () {
      var inner = addRow();
      if (inner.focus) { inner.focus.focus(); }
      changed();
    });
    var min = s.minItems || (required ? 1 : 0);
    for (var i = 0; i < Math.max(min, 1); i += 1) { addRow(); }

    function get() {
      var v = rows.map(function (r) { return r.inner.get(); }).filter(function (x) { return !isEmpty(x); });
      return v.length ? v : undefined;
    }
    function check(all) {
      var found = [];
      var filled = rows.filter(function (r) { return !isEmpty(r.inner.get()); });
      filled.forEach(function (r) { found = found.concat(r.inner.check(all)); });
      rows.filter(function (r) { return isEmpty(r.inner.get()); }).forEach(function (r) { r.inner.check(false); });
      var p = "";
      if (required && !filled.length) { p = s.minItems > 1 ? say("few_items", { n: s.minItems }) : texts.no_items; }
      else if (filled.length && s.minItems && filled.length < s.minItems) { p = say("few_items", { n: s.minItems }); }
      if (!p && itemSchema.enum) {  // the same werkvorm chosen twice (the model's own words)
        var values = filled.map(function (r) { return r.inner.get(); });
        var twice = values.filter(function (v, i) { return values.indexOf(v) !== i; })[0];
        if (twice) { p = say("twice", { value: twice }); }
      }
      p = p || textOf(external[path]) || "";
      error.textContent = all || external[path] || p.indexOf("twee keer") !== -1 ? p : "";
      if (p) { found.unshift({ text: label(name, s) + ": " + p, target: rows[0] ? rows[0].inner.focus : add }); }
      return found;
    }
    return {
      node: fieldset, get: get, check: check, focus: add,
      rows: function () { return rows.map(function (r) { return r.inner; }); },
      append: function (value) {  // into the first empty row, or a new one
        var empty = rows.filter(function (r) { return isEmpty(r.inner.get()); })[0];
        if (empty) { empty.inner.set(value); } else { addRow(value); }
      },
      set: function (v) {
        rows.slice().forEach(function (r) { r.li.remove(); });
        rows = [];
        (v && v.length ? v : [undefined]).forEach(function (x) { addRow(x); });
      }
    };
  }

  /* A group of fields (a step, the practical facts, a range). */
  function group(name, s, required, isRoot, path) {
    var needed = s.required || [];
    var children = Object.keys(s.properties).map(function (key) {
      var sub = s.properties[key];
      if (s["x-hb-unit"] && (key === "min" || key === "max")) {  // "Min (minuten)": what the number counts
        sub = Object.assign({}, norm(sub), { title: (norm(sub).title || key) + " (" + s["x-hb-unit"] + ")",
          "x-hb-minutes": s["x-hb-unit"] === "minuten" });
      }
      var where = isRoot ? key : path + "." + key;
      return { key: key, c: control(key, sub, needed.indexOf(key) !== -1, where) };
    });
    var node = isRoot ? el("div", { "class": "hb-root" }) : el("fieldset", { "class": "hb-group" });
    var error = el("p", { "class": "hb-error", "aria-live": "polite" });
    if (!isRoot) {
      node.appendChild(el("legend", { text: label(name, s) + (required ? "" : " (mag leeg blijven)") }));
      if (s.description) { node.appendChild(el("p", { "class": "hb-help", text: s.description })); }
    }
    children.forEach(function (child) { node.appendChild(child.c.node); });
    children.forEach(function (child) {  // shown above another field ("Nieuwe bronnen" above "Bronnen"); the file keeps its order
      var before = norm(s.properties[child.key])["x-hb-before"];
      var other = children.filter(function (c) { return c.key === before; })[0];
      if (other) { node.insertBefore(child.c.node, other.c.node); }
    });
    if (!isRoot) { node.appendChild(error); }
    var byKey = {};
    children.forEach(function (child) { byKey[child.key] = child.c; });
    if (byKey.licentie && byKey.bewerken_toegestaan && byKey.commercieel_toegestaan) {
      byKey.licentie.focus.addEventListener("change", function () {  // a known licence answers both questions
        var known = site.licences.filter(function (l) { return l.name === byKey.licentie.get(); })[0];
        if (known) { byKey.bewerken_toegestaan.set(known.adapt); byKey.commercieel_toegestaan.set(known.commercial); changed(); }
      });
    }
    function get() {
      var out = {};
      children.forEach(function (child) { var v = child.c.get(); if (!isEmpty(v)) { out[child.key] = v; } });
      return Object.keys(out).length ? out : undefined;
    }
    return {
      node: node, get: get, children: children, byKey: byKey, focus: children[0].c.focus,
      check: function (all) {
        var found = [];
        var empty = get() === undefined;
        // an optional group left empty (no duration for a standing partnership) asks nothing of its fields
        children.forEach(function (child) { found = found.concat(child.c.check(all && !(empty && !required && !isRoot))); });
        if (empty && !required && !isRoot) { found = []; }
        var own = "";
        var v = get() || {};
        if (typeof v.min === "number" && typeof v.max === "number" && v.max < v.min) {
          own = say("range_order", { min: v.min, max: v.max });
        }
        own = own || textOf(external[path]) || "";
        if (!isRoot) {
          error.textContent = own && (all || !empty) ? own : "";
          if (own) { found.push({ text: own, target: children[0].c.focus }); }
          // "Duur › Min" says which of the two minimums
          found.forEach(function (f) { f.text = label(name, s) + " › " + f.text; });
        }
        return found;
      },
      set: function (v) { children.forEach(function (child) { child.c.set((v || {})[child.key]); }); }
    };
  }

  /* A value per word of a fixed list (what the werkvorm brings each role): one list per word. */
  function perKey(name, s, required, path) {
    var keys = norm(s.propertyNames).enum || [];
    var labels = norm(s.propertyNames).enumDescriptions || keys;
    var fieldset = el("fieldset", { "class": "hb-group" });
    fieldset.appendChild(el("legend", { text: label(name, s) }));
    fieldset.appendChild(el("p", { "class": "hb-help", text: (s.description || "") + " Hier staan de rollen die je bij Voor wie hebt gekozen." }));
    var none = el("p", { "class": "hb-help hb-none", text: "Kies eerst bij Voor wie voor welke rollen de werkvorm is." });
    fieldset.appendChild(none);
    var error = el("p", { "class": "hb-error", "aria-live": "polite" });
    var parts = keys.map(function (key, i) {
      var c = control(key, Object.assign({}, s.additionalProperties, { title: labels[i] + " (" + key + ")" }), false, path + "." + key);
      fieldset.appendChild(c.node);
      return { key: key, c: c };
    });
    fieldset.appendChild(error);
    function get() {
      var out = {};
      parts.forEach(function (p) { var v = p.c.get(); if (!isEmpty(v)) { out[p.key] = v; } });
      return Object.keys(out).length ? out : undefined;
    }
    function showOnly(chosen) {  // a role not chosen stays out of sight, unless it holds text (then check says why)
      var shown = 0;
      parts.forEach(function (p) {
        p.c.node.hidden = chosen.indexOf(p.key) === -1 && isEmpty(p.c.get());
        if (!p.c.node.hidden) { shown += 1; }
      });
      none.hidden = shown > 0;
    }
    return {
      node: fieldset, get: get, focus: parts[0].c.focus, parts: parts, showOnly: showOnly,
      check: function (all) {
        var found = [];
        parts.forEach(function (p) { found = found.concat(p.c.check(all)); });
        var p = required && !get() ? texts.missing : "";
        p = p || textOf(external[path]) || "";
        error.textContent = all || external[path] ? p : "";
        if (p) { found.unshift({ text: label(name, s) + ": " + p, target: parts[0].c.focus }); }
        return found;
      },
      set: function (v) { parts.forEach(function (p) { p.c.set((v || {})[p.key]); }); }
    };
  }

  /* ---- rules across fields and records: what `check` decides that one field cannot know ---- */

  function titleKey(text) {  // textrules.title_key: what a reader sees of a title
    return (text || "").normalize("NFKD").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  }

  function sourceKeys() { return (norm(defs.SourceRef.properties.bron).enum || []).slice(); }

  function newSourceKeys(data) {
    return (data.nieuwe_bronnen || []).map(function (n) { return n && n.sleutel; })
      .filter(function (k) { return typeof k === "string" && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(k); });
  }

  function crossCheck(data) {
    var found = {};
    var title = typeof data.titel === "string" ? titleKey(data.titel) : "";
    var slug = editing || slugify(data.titel);
    var same = site.records.filter(function (r) { return title && r.key === title && r.slug !== editing; })[0];
    var taken = site.records.filter(function (r) { return slug && r.slug === slug && r.slug !== editing; })[0];
    if (same) {
      found.titel = { text: say("same_title", { other: same.source }), action: same.checklist !== (kind === "checklist") ? null : {
        label: "Bewerk die " + kind, run: function () { openRecord(same.slug); } } };
    } else if (taken) {
      found.titel = say("same_name", { slug: slug, other: taken.source });
    } else if (slug && site.reserved.indexOf(slug) !== -1) {
      found.titel = say("generated", { slug: slug });
    }
    (data.verwant || []).forEach(function (v) { if (v === slug) { found.verwant = texts.self; } });
    var roles = data.voor_wie || [];
    Object.keys(data.wat_brengt_het || {}).forEach(function (role) {
      if (roles.indexOf(role) === -1 && !found["wat_brengt_het." + role]) {
        found["wat_brengt_het." + role] = say("role_missing", { role: role });
      }
    });
    var soort = data.soort || "activiteit", practical = data.praktisch || {};
    var missing = ["duur", "groepsgrootte"].filter(function (k) { return practical[k] === undefined; })[0];
    if (kind === "werkvorm" && soort !== "samenwerking" && missing) {  // a checklist has no practical facts
      found.praktisch = say("unsized", { name: missing, kind: rules.kinds[soort] || soort });
    }
    var duur = practical.duur, parts = data.programma || [];
    if (duur && typeof duur.min === "number" && typeof duur.max === "number" && duur.min <= duur.max) {
      var total = parts.reduce(function (sum, p) { return sum + (p && typeof p.minuten === "number" ? p.minuten : 0); }, 0);
      var whole = parts.every(function (p) { return p && Number.isInteger(p.minuten); });
      if (!parts.length) {
        found["praktisch.duur"] = texts.programme_missing;
      } else if (parts.length < rules.programmeParts) {
        found.programma = say("programme_short", { n: parts.length });
      } else if (whole && (total < duur.min || total > duur.max)) {
        found.programma = say("programme_total", { total: total, min: duur.min, max: duur.max });
      }
    }
    return found;
  }

  function chooseNewSource(old, key) {
    var list = root.byKey.bronnen;
    if (!list || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) || sourceKeys().indexOf(key) !== -1) { return; }
    refreshSources(root.get() || {});
    var rows = list.rows(), named = function (r) { var v = r.get(); return v && (v.bron || v); };
    var renamed = rows.filter(function (r) { return old && named(r) === old; });
    renamed.forEach(function (r) { r.set(Object.assign({}, r.get(), { bron: key })); });
    if (!renamed.length && !rows.some(function (r) { return named(r) === key; })) { list.append({ bron: key }); }
    draftStatus.textContent = "Je nieuwe bron '" + key + "' staat nu ook bij Bronnen.";
    changed();
  }

  function refreshSources(data) {
    var extra = newSourceKeys(data);
    sourceSelects.forEach(function (entry) {
      var values = sourceKeys().concat(extra.filter(function (k) { return sourceKeys().indexOf(k) === -1; }));
      var descriptions = (entry.s.enumDescriptions || []).concat(extra.map(function () { return "nieuwe bron"; }));
      if (entry.input.options.length !== values.length + 1) { options(entry.input, values, descriptions); }
    });
  }

  /* The name of an existing werkvorm, or null: a draft or address naming anything else edits nothing. */
  function known(slug) {
    return site.records.some(function (r) { return r.slug === slug && r.checklist === (kind === "checklist"); }) ? slug : null;
  }

  function checkAll(all) {
    var data = root.get() || {};
    refreshSources(data);
    var roles = root.byKey.wat_brengt_het;
    if (roles && roles.showOnly) { roles.showOnly(data.voor_wie || []); }
    external = crossCheck(data);
    return root.check(all);
  }

  /* ---- YAML: a small serializer for this schema's values (mappings, lists, texts, numbers, true/false).
     Keys in the schema's order. Every text is written so that the project's loader reads back exactly
     the text typed, in that field and nowhere else: YAML 1.1 also breaks lines at NEL (U+0085), LS
     (U+2028), PS (U+2029) and CR, and the loader reads non-breaking and zero-width spaces in its own way,
     so a text holding any character outside SAFE is written double-quoted with that character escaped;
     other texts with a line break (and all Markdown) as a literal block, the rest plain or quoted. ---- */

  var PLAIN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
  var KEY = /^[a-z][a-z0-9_]*$/;
  var RESERVED = /^(y|n|yes|no|on|off|true|false|null)$/i;
  // every character a literal block may hold as it is: not a control, format, separator (other than
  // the space), private, unassigned or surrogate code point, and not a tab
  var UNSAFE = /[\p{Cc}\p{Cf}\p{Z}\p{Co}\p{Cs}\p{Cn}]/u;
  var QUOTED_WIDTH = 400; // a long quoted text continues on the next line (escaped break), never one huge line
  var ESCAPES = { "\\": "\\\\", "\"": "\\\"", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\u0085": "\\N",
    "\u00a0": "\\_", "\u2028": "\\L", "\u2029": "\\P" };

  function pad(n) { return new Array(n + 1).join(" "); }

  function hex(code, digits) { var h = code.toString(16).toUpperCase(); return new Array(digits - h.length + 1).join("0") + h; }

  function escapeChar(ch) {
    if (ESCAPES[ch]) { return ESCAPES[ch]; }
    if (ch === " " || !UNSAFE.test(ch)) { return ch; }
    var code = ch.codePointAt(0);
    return code <= 0xff ? "\\x" + hex(code, 2) : code <= 0xffff ? "\\u" + hex(code, 4) : "\\U" + hex(code, 8);
  }

  /* A double-quoted YAML text; past QUOTED_WIDTH it goes on over lines ending in "\" (an escaped line
     break joins without a space), broken only before a character that is not a space. */
  function quoted(v, indent) {
    var parts = Array.from(v).map(escapeChar), lines = [], line = "\"";
    parts.forEach(function (part, i) {
      if (line.length >= QUOTED_WIDTH && part !== " " && parts[i - 1] !== " ") {
        lines.push(line + "\\");
        line = pad(indent + 2);
      }
      line += part;
    });
    return lines.concat([line + "\""]).join("\n");
  }

  function scalar(v, s, indent) {
    if (typeof v === "number" || typeof v === "boolean") { return String(v); }
    if (s.format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v)) { return v; }
    if (PLAIN.test(v) && !RESERVED.test(v)) { return v; }
    return quoted(v, indent);
  }

  /* A literal block keeps every line as it is typed: only for text of SAFE characters and line feeds
     that starts with neither a space nor a line feed (its first line sets the indentation). */
  function asBlock(v, s) {
    var wanted = s.contentMediaType === "text/markdown" || v.indexOf("\n") !== -1;
    return wanted && !/^[ \n]/.test(v) && Array.from(v).every(function (ch) { return ch === "\n" || ch === " " || !UNSAFE.test(ch); });
  }

  function key(name) { return KEY.test(name) && !RESERVED.test(name) ? name : quoted(name, 0); }

  function childSchema(s, name) {
    s = norm(s);
    if (s.properties && s.properties[name]) { return norm(s.properties[name]); }
    return norm(s.additionalProperties || {});
  }

  function entry(prefix, v, s, indent) {
    if (Array.isArray(v)) { return [prefix].concat(sequence(v, s, indent + 2)); }
    if (v && typeof v === "object") { return [prefix].concat(mapping(v, s, indent + 2)); }
    if (typeof v === "string" && asBlock(v, s)) {
      // "|-": the text ends where it ends, without the line break a plain "|" adds
      return [prefix + " |-"].concat(v.split("\n").map(function (line) { return line ? pad(indent + 2) + line : ""; }));
    }
    return (prefix + " " + scalar(v, s, indent)).split("\n");
  }

  function mapping(obj, s, indent) {
    var lines = [];
    s = norm(s);
    var order = s.properties ? Object.keys(s.properties) : (norm(s.propertyNames || {}).enum || Object.keys(obj));
    order.filter(function (k) { return obj[k] !== undefined; }).forEach(function (name) {
      lines = lines.concat(entry(pad(indent) + key(name) + ":", obj[name], childSchema(s, name), indent));
    });
    return lines;
  }

  function sequence(values, s, indent) {
    var item = norm(norm(s).items || {}), lines = [];
    values.forEach(function (v) {
      var inner = entry("", v, item, indent);
      if (v && typeof v === "object" && !Array.isArray(v)) {
        inner = mapping(v, item, indent + 2);
        inner[0] = pad(indent) + "- " + inner[0].slice(indent + 2);
      } else {
        inner[0] = pad(indent) + "-" + inner[0];
      }
      lines = lines.concat(inner);
    });
    return lines;
  }

  function toYaml(data) {
    return [attr("modeline")].concat(mapping(data, schema, 0)).join("\n") + "\n";
  }

  function slugify(title) {
    return (title || "").normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /* ---- reading a downloaded draft back: the YAML this form writes, and records written by hand in the
     same block style (mappings, lists, plain, quoted and literal texts, [a, b] and {min: 1, max: 2}).
     Anything else is refused with a message; the draft is never half read. ---- */

  var UNESCAPE = { "0": "\0", "a": "\x07", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", "\"": "\"", "/": "/", "\\": "\\", "N": "\u0085", "_": "\u00a0",
    "L": "\u2028", "P": "\u2029" };

  function parseYaml(text) {
    var lines = text.replace(/\r\n?/g, "\n").replace(/^\ufeff/, "").split("\n"), i = 0;
    function fail() { throw new Error("regel " + (i + 1)); }
    function blank(line) { return /^\s*(#.*)?$/.test(line); }
    function skip() { while (i < lines.length && blank(lines[i])) { i += 1; } }
    function indentOf(line) { return line.match(/^ */)[0].length; }
    function isItem(line) { return /^ *-( |$)/.test(line); }

    function plain(v) {
      v = v.replace(/\s+#.*$/, "").trim();
      if (/^-?\d+$/.test(v)) { return parseInt(v, 10); }
      if (/^(true|yes|on)$/i.test(v)) { return true; }
      if (/^(false|no|off)$/i.test(v)) { return false; }
      if (/^(null|~)?$/i.test(v)) { return null; }
      return v;
    }
    function doubleQuoted(v) {  // from after the opening quote; may go on over lines
      var out = "", pos = 0, joined = false;
      for (;;) {
        if (pos >= v.length) {  // the text goes on: an escaped line break joins, a plain one folds to a space
          if (i + 1 >= lines.length) { fail(); }
          i += 1;
          var next = lines[i].replace(/^\s+/, "");
          if (!joined) { out = out.replace(/[ \t]+$/, "") + (next ? " " : "\n"); }
          v = next; pos = 0; joined = false;
          continue;
        }
        var ch = v.charAt(pos);
        if (ch === "\"") { return { value: out, rest: v.slice(pos + 1) }; }
        if (ch !== "\\") { out += ch; pos += 1; continue; }
        if (pos + 1 >= v.length) { joined = true; pos += 1; continue; }  // an escaped line break
        var e = v.charAt(pos + 1), size = { x: 2, u: 4, U: 8 }[e];
        if (size) { out += String.fromCodePoint(parseInt(v.substr(pos + 2, size), 16)); pos += 2 + size; continue; }
        if (UNESCAPE[e] === undefined) { fail(); }
        out += UNESCAPE[e]; pos += 2;
      }
    }
    function singleQuoted(v) {
      var out = "", pos = 0;
      for (;;) {
        if (pos >= v.length) {
          if (i + 1 >= lines.length) { fail(); }
          i += 1; v = lines[i].replace(/^\s+/, ""); pos = 0; out = out.replace(/[ \t]+$/, "") + (v ? " " : "\n");
          continue;
        }
        var ch = v.charAt(pos);
        if (ch === "'" && v.charAt(pos + 1) === "'") { out += "'"; pos += 2; continue; }
        if (ch === "'") { return { value: out, rest: v.slice(pos + 1) }; }
        out += ch; pos += 1;
      }
    }
    function flow(v) {  // [a, "b", c] or {min: 60, max: 90}, one level deep
      var close = v.charAt(0) === "[" ? "]" : "}", items = [], item = { raw: "" }, pos = 1;
      for (;;) {
        if (pos >= v.length) { fail(); }
        var ch = v.charAt(pos);
        if ((ch === "\"" || ch === "'") && !item.raw.replace(/^[^:]*:\s*/, "").trim()) {  // a quoted text starts
          var read = ch === "\"" ? doubleQuoted(v.slice(pos + 1)) : singleQuoted(v.slice(pos + 1));
          item.value = read.value; v = read.rest; pos = 0;
          continue;
        }
        if (ch === "," || ch === close) {
          if (item.raw.trim() || item.value !== undefined) { items.push(item); }
          item = { raw: "" };
          if (ch === close) { break; }
          pos += 1;
          continue;
        }
        item.raw += ch; pos += 1;
      }
      if (!/^\s*(#.*)?$/.test(v.slice(pos + 1))) { fail(); }
      if (close === "]") { return items.map(function (it) { return it.value !== undefined ? it.value : plain(it.raw); }); }
      var obj = {};
      items.forEach(function (it) {
        var colon = it.raw.indexOf(":");
        if (colon === -1) { fail(); }
        obj[it.raw.slice(0, colon).trim()] = it.value !== undefined ? it.value : plain(it.raw.slice(colon + 1));
      });
      return obj;
    }
    function blockText(header, ind) {
      var folded = header.charAt(0) === ">", chomp = header.replace(/^[|>]/, "").trim(), collected = [], own = null;
      while (i + 1 < lines.length && (lines[i + 1].trim() === "" || indentOf(lines[i + 1]) > ind)) {
        i += 1;
        var line = lines[i];
        if (own === null && line.trim()) { own = indentOf(line); }
        collected.push(line.trim() ? line.slice(own) : "");
      }
      var body = folded ? collected.join("\n").replace(/([^\n])\n(?=[^\n ])/g, "$1 ") : collected.join("\n");
      body = body.replace(/\n+$/, "");
      return chomp === "-" ? body : body + "\n";
    }
    function scalarAfter(rest, ind) {  // what follows "key:" or "- " on its line
      rest = rest.replace(/^\s+/, "");
      if (rest === "" || rest.charAt(0) === "#") {
        i += 1; skip();
        if (i < lines.length && (indentOf(lines[i]) > ind || (indentOf(lines[i]) === ind && isItem(lines[i])))) {
          return block(indentOf(lines[i]));
        }
        return null;
      }
      var value;
      if (/^[|>][-+]?\s*(#.*)?$/.test(rest)) { value = blockText(rest.replace(/\s*#.*$/, ""), ind); }
      else if (rest.charAt(0) === "\"" || rest.charAt(0) === "'") {
        var read = rest.charAt(0) === "\"" ? doubleQuoted(rest.slice(1)) : singleQuoted(rest.slice(1));
        if (!/^\s*(#.*)?$/.test(read.rest)) { fail(); }
        value = read.value;
      } else if (rest.charAt(0) === "[" || rest.charAt(0) === "{") { value = flow(rest); }
      else {
        value = plain(rest);
        while (typeof value === "string" && i + 1 < lines.length && lines[i + 1].trim() &&
               indentOf(lines[i + 1]) > ind && !/^\s*#/.test(lines[i + 1])) {
          i += 1; value += " " + lines[i].trim();  // a plain text over several lines folds to one
        }
      }
      i += 1;
      return value;
    }
    var KEYED = /^( *)([^\s#'"\-[{][^:#]*?|"[^"]*"|'[^']*'):(?:\s+(.*))?$/;
    function mapping(ind) {
      var obj = {};
      for (;;) {
        skip();
        if (i >= lines.length || indentOf(lines[i]) < ind) { return obj; }
        if (indentOf(lines[i]) > ind || isItem(lines[i])) { fail(); }
        var m = KEYED.exec(lines[i]);
        if (!m) { fail(); }
        var name = m[2].charAt(0) === "\"" ? doubleQuoted(m[2].slice(1)).value : m[2].replace(/^'|'$/g, "");
        obj[name.trim()] = scalarAfter(m[3] || "", ind);
      }
    }
    function sequence(ind) {
      var arr = [];
      for (;;) {
        skip();
        if (i >= lines.length || indentOf(lines[i]) < ind) { return arr; }
        if (indentOf(lines[i]) > ind || !isItem(lines[i])) { if (indentOf(lines[i]) === ind) { return arr; } fail(); }
        var after = lines[i].slice(ind + 1), inner = ind + 1 + after.match(/^ */)[0].length;
        if (KEYED.test(" ".repeat(inner) + after.trim()) && !/^\s*["'[{]/.test(after)) {
          lines[i] = " ".repeat(inner) + after.trim();  // "- titel: x": a mapping that starts on the dash's line
          arr.push(mapping(inner));
        } else {
          arr.push(scalarAfter(after, ind));
        }
      }
    }
    function block(ind) { return isItem(lines[i]) ? sequence(ind) : mapping(ind); }
    skip();
    if (i >= lines.length) { return {}; }
    var data = block(indentOf(lines[i]));
    skip();
    if (i < lines.length) { fail(); }
    if (!data || typeof data !== "object" || Array.isArray(data)) { fail(); }
    return data;
  }

  /* ---- the page ---- */

  var form = el("form", { "class": "hb-form", novalidate: "novalidate" });
  var root = group("", schema, true, true, "");
  form.appendChild(root.node);
  var licenceList = el("datalist", { id: "hb-licences" });
  site.licences.forEach(function (l) { licenceList.appendChild(el("option", { value: l.name })); });
  form.appendChild(licenceList);
  var summary = el("div", { "class": "hb-summary", role: "alert", tabindex: "-1", hidden: "hidden" });
  var make = el("button", { type: "submit", "class": "md-button md-button--primary", text: "Maak het bestand" });
  var draftDownload = el("button", { type: "button", "class": "md-button", id: "hb-draft-download", text: "Download concept" });
  var restart = el("button", { type: "button", "class": "md-button hb-danger", id: "hb-restart", text: "Begin opnieuw" });
  var confirmBox = el("div", { "class": "hb-confirm", id: "hb-restart-confirm", role: "alertdialog", "aria-labelledby": "hb-restart-question", hidden: "hidden" });
  var wipe = el("button", { type: "button", "class": "md-button hb-danger", text: "Ja, wis alles" });
  var keep = el("button", { type: "button", "class": "md-button", text: "Nee, ga terug" });
  confirmBox.appendChild(el("p", { id: "hb-restart-question", text: "Weet je het zeker? Alles wat je in dit formulier hebt getypt, wordt gewist." }));
  confirmBox.appendChild(el("p", { "class": "hb-actions" }, [wipe, keep]));
  var undo = el("button", { type: "button", "class": "md-button", id: "hb-undo", text: "Zet het terug", hidden: "hidden" });
  var fileInput = el("input", { type: "file", id: "hb-draft-file", accept: ".yml,.yaml,.txt,text/yaml,text/plain" });
  var fileLabel = el("label", { "for": "hb-draft-file", text: "Open een concept dat je eerder hebt gedownload" });
  var draftStatus = el("p", { role: "status", "class": "hb-status", id: "hb-draft-status" });
  form.appendChild(summary);
  form.appendChild(el("div", { "class": "hb-actions hb-actions-split" }, [
    el("p", { "class": "hb-actions" }, [make, draftDownload]), el("p", { "class": "hb-actions" }, [restart])]));
  form.appendChild(confirmBox);
  form.appendChild(draftStatus);
  form.appendChild(undo);
  form.appendChild(el("div", { "class": "hb-field hb-draft-file" }, [fileLabel,
    el("p", { "class": "hb-help", text: "Zo neem je een concept mee naar een andere computer. Het formulier vult de velden dan weer in." }),
    fileInput]));

  var result = el("section", { "class": "hb-result", hidden: "hidden", "aria-labelledby": "hb-result-title" });
  var resultTitle = el("h2", { id: "hb-result-title", text: "Je bestand" });
  var nameLine = el("p", {});
  var output = el("textarea", { id: "hb-yaml", readonly: "readonly", rows: "16", "aria-label": "Het bestand in YAML" });
  var github = el("a", { "class": "md-button md-button--primary", id: "hb-github", target: "_blank", rel: "noopener noreferrer", text: "Open in GitHub" });
  var copy = el("button", { type: "button", "class": "md-button", text: "Kopieer" });
  var download = el("a", { "class": "md-button", id: "hb-download", text: "Download" });
  var mail = host.getAttribute("data-mail") ? JSON.parse(host.getAttribute("data-mail")) : null;
  var toEditors = mail ? el("a", { "class": "md-button", id: "hb-mail", text: "Stuur het naar de redactie" }) : null;
  var status = el("p", { role: "status", "class": "hb-status" });
  var githubNote = el("p", { "class": "hb-help", id: "hb-github-note" });
  var sourceNote = el("div", { "class": "hb-help", id: "hb-sources-note", hidden: "hidden" });
  [resultTitle, nameLine, output, el("p", { "class": "hb-actions" }, [github, toEditors, copy, download]), status, githubNote, sourceNote]
    .forEach(function (n) { result.appendChild(n); });

  if (kind === "checklist") {  // the page is about werkvormen: say that this form is a checklist's now
    form.insertBefore(el("p", { "class": "hb-kind", id: "hb-kind" }, [
      document.createTextNode("Dit formulier is nu voor een checklist. "),
      el("a", { href: location.pathname, text: "Stel een werkvorm voor" })]), form.firstChild);
  }
  host.appendChild(form);
  host.appendChild(result);

  /* ---- the draft: kept in this browser (localStorage), on this device only ---- */

  // + the werkvorm's name, or "nieuw" (a checklist's: "checklist:" before it): one draft each, none overwrites another
  var DRAFT = "handboek-voorstel-concept:" + (kind === "checklist" ? "checklist:" : "");
  var dirty = false; // typed since the last time the text left the page (download, copy, GitHub)
  var saveTimer = null;

  function storage() { try { return window.localStorage; } catch (e) { return null; } }

  function saveDraft() {
    var store = storage(), data = root.get();
    if (!store) { return; }
    try {
      if (data) {
        store.setItem(DRAFT + (editing || "nieuw"), JSON.stringify({ data: data, editing: editing, saved: new Date().toISOString() }));
        draftStatus.textContent = "Concept bewaard in deze browser, op dit apparaat.";
      } else {
        store.removeItem(DRAFT + (editing || "nieuw"));
      }
    } catch (e) {
      draftStatus.textContent = "Deze browser bewaart geen concept (privévenster of geen ruimte): download het concept.";
    }
  }

  function readDraft(slug) {
    var store = storage();
    try { return store ? JSON.parse(store.getItem(DRAFT + (slug || "nieuw")) || "null") : null; } catch (e) { return null; }
  }

  function changed() {
    if (!result.hidden) { result.hidden = true; status.textContent = ""; }
    if (!undo.hidden) { undo.hidden = true; wiped = null; }
    dirty = true;
    window.clearTimeout(saveTimer);
    saveTimer = window.setTimeout(function () { saveTimer = null; saveDraft(); }, 250);
    report(checkAll(submitted), submitted);
  }

  window.addEventListener("beforeunload", function (event) {
    if (saveTimer) { window.clearTimeout(saveTimer); saveTimer = null; saveDraft(); }
    if (dirty && root.get()) { event.preventDefault(); event.returnValue = ""; }
  });

  function fillIn(data, slug) {
    root.set(data);
    editing = known(slug);
    refreshSources(data || {});
    root.set(data);  // again: a new source's key is a choice only once its description is in
  }

  var wiped = null; // what "Zet het terug" brings back
  restart.addEventListener("click", function () { confirmBox.hidden = false; wipe.focus(); });
  keep.addEventListener("click", function () { confirmBox.hidden = true; restart.focus(); });
  wipe.addEventListener("click", function () {
    var store = storage();
    wiped = { data: root.get() || {}, editing: editing };
    if (store) { store.removeItem(DRAFT + (editing || "nieuw")); }
    fillIn({}, null);
    submitted = false; dirty = false;
    report([], false);
    result.hidden = true;
    confirmBox.hidden = true;
    draftStatus.textContent = "Het concept is gewist. Je begint met een leeg formulier. Was dat een vergissing? Klik op Zet het terug.";
    undo.hidden = false;
    history.replaceState(null, "", location.pathname + (kind === "checklist" ? "?checklist=nieuw" : ""));
    form.querySelector("input, textarea, select").focus();
  });
  undo.addEventListener("click", function () {
    if (!wiped) { return; }
    fillIn(wiped.data, wiped.editing);
    wiped = null; undo.hidden = true;
    report(checkAll(false), false);
    saveDraft();
    draftStatus.textContent = "Je concept staat er weer.";
  });

  /* ---- the summary of problems and the file ---- */

  function report(found, visible) {
    summary.textContent = "";
    if (!found.length || !visible) { summary.hidden = true; return; }
    summary.appendChild(el("p", { text: found.length === 1 ? "Nog 1 ding om aan te passen:" : "Nog " + found.length + " dingen om aan te passen:" }));
    var ul = el("ul");
    found.forEach(function (f) {
      var a = el("a", { href: "#" + (f.target && f.target.id || ""), text: f.text });
      a.addEventListener("click", function (e) { e.preventDefault(); if (f.target) { f.target.focus(); } });
      ul.appendChild(el("li", {}, [a]));
    });
    summary.appendChild(ul);
    summary.hidden = false;
  }

  function fileName(data) { return (editing || slugify(data.titel) || "nieuwe-werkvorm") + ".yml"; }

  function offer(link, text, name) {
    link.setAttribute("href", URL.createObjectURL(new Blob([text], { type: "text/yaml" })));
    link.setAttribute("download", name);
  }

  draftDownload.addEventListener("click", function () {  // the draft as it is, problems and all
    var data = root.get() || {};
    var link = el("a", { hidden: "hidden" });
    offer(link, toYaml(data), "concept-" + fileName(data));
    document.body.appendChild(link);
    link.click();
    link.remove();
    dirty = false;
    draftStatus.textContent = "Het concept is gedownload: " + link.getAttribute("download") + ".";
  });

  function copyText(text, done) {
    output.value = text;
    output.select();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  }

  var LONGEST_LINK = 8000; // characters; longer addresses fail in some browsers and at GitHub
  var pasteFirst = false; // GitHub opens without the text: it is copied for the editor to paste

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitted = true;
    var found = checkAll(true);
    report(found, true);
    if (found.length) { summary.focus(); return; }
    var data = root.get() || {};
    var yaml = toYaml(data);
    var filename = fileName(data);
    output.value = yaml;
    nameLine.textContent = "Bestandsnaam: werkvormen/" + (kind === "checklist" ? "checklists/" : "") + filename;
    offer(download, yaml, filename);
    var newUrl = attr("new"), editUrl = attr("edit");
    pasteFirst = false;
    if (editing && editUrl) {  // any size: GitHub's own editor for that file, and the new text to paste
      github.setAttribute("href", editUrl + filename);
      github.hidden = false;
      pasteFirst = true;
      githubNote.textContent = "Klik op Open in GitHub: je nieuwe tekst gaat dan eerst naar je klembord. GitHub opent het " +
        "bestaande bestand. Selecteer daar alle tekst (Ctrl+A, op een Mac Cmd+A) en plak (Ctrl+V of Cmd+V).";
    } else if (newUrl) {
      var url = newUrl + "?filename=" + encodeURIComponent(filename) + "&value=" + encodeURIComponent(yaml);
      var long = url.length > LONGEST_LINK;
      pasteFirst = true;  // GitHub's sign-in or fork step may drop the text in the link: it is on the clipboard too
      github.setAttribute("href", long ? newUrl + "?filename=" + encodeURIComponent(filename) : url);
      github.hidden = false;
      githubNote.textContent = (long
        ? "Je bestand is lang. Klik op Open in GitHub: de tekst gaat dan eerst naar je klembord. Plak hem in het lege bestand dat GitHub opent (Ctrl+V of Cmd+V)."
        : "GitHub opent een nieuw bestand in werkvormen/ met deze tekst erin. Je tekst gaat ook naar je klembord. " +
          "Is het bestand leeg? Plak je tekst met Ctrl+V (Cmd+V).");
    } else {
      github.hidden = true;
      githubNote.textContent = "Deze versie van de website weet niet waar de repository staat: kopieer of download het bestand.";
    }
    if (toEditors) {
      toEditors.setAttribute("href", "mailto:" + encodeURIComponent(mail.address).replace(/%40/g, "@") +
        "?subject=" + encodeURIComponent(mail.subject.replace("{name}", filename)) +
        "&body=" + encodeURIComponent(mail.body.replace("{name}", filename)));
    }
    var fresh = newSourceKeys(data);
    sourceNote.hidden = !fresh.length;
    sourceNote.textContent = fresh.length
      ? "Je nieuwe bron (" + fresh.join(", ") + ") staat in hetzelfde bestand, onder nieuwe_bronnen. Zo gaat alles in één " +
        "voorstel naar GitHub. De redactie zet de bron daarna in een eigen bestand in werkvormen/bronnen/."
      : "";
    result.hidden = false;
    resultTitle.setAttribute("tabindex", "-1");
    resultTitle.focus();
  });

  github.addEventListener("click", function () {
    dirty = false;
    if (pasteFirst) {
      copyText(output.value, function () {
        status.textContent = editing ? "Gekopieerd. Plak de tekst in GitHub."
          : "Gekopieerd. Is het bestand leeg? Plak je tekst met Ctrl+V (Cmd+V).";
      });
    }
  });
  if (toEditors) {  // the file is downloaded, the mail program opens (the mailto: link); the site sends nothing
    toEditors.addEventListener("click", function () {
      var link = el("a", { hidden: "hidden" }), name = fileName(root.get() || {});
      offer(link, output.value, name);
      document.body.appendChild(link);
      link.click();
      link.remove();
      dirty = false;
      status.textContent = "Het bestand " + name + " staat in je map Downloads. Voeg het als bijlage toe aan de mail en " +
        "verstuur hem. Opent er geen mail? Stuur het bestand dan zelf naar " + mail.address + ".";
    });
  }
  download.addEventListener("click", function () { dirty = false; });

  copy.addEventListener("click", function () {
    copyText(output.value, function () { status.textContent = "Gekopieerd. Plak de tekst in GitHub."; dirty = false; });
  });

  /* Open an existing werkvorm: its data is published beside the site (formulier/SLUG.json). */
  var opener = document.querySelector("[data-hb-open]");
  function siteBase() {
    var config = document.getElementById("__config");
    try { return new URL(JSON.parse(config.textContent).base + "/", location.href).href; } catch (e) { return new URL("../", location.href).href; }
  }
  function restore(draft) {
    fillIn(draft.data, draft.editing);
    report(checkAll(false), false);
    draftStatus.textContent = "Je concept van " + new Date(draft.saved).toLocaleString("nl-NL") +
      " is teruggezet. Wil je iets anders? Klik op Begin opnieuw.";
  }

  function openRecord(slug) {
    if (saveTimer) { window.clearTimeout(saveTimer); saveTimer = null; saveDraft(); }  // what she typed last stays hers
    var kept = readDraft(slug);  // her own changes to this werkvorm, from an earlier visit, come first
    if (kept && kept.data) {
      restore(kept);
      history.replaceState(null, "", location.pathname + "?" + kind + "=" + encodeURIComponent(slug));
      if (opener) { opener.querySelector("select").value = slug; }
      return Promise.resolve();
    }
    var address = siteBase() + host.getAttribute("data-data") + "/" + (kind === "checklist" ? "checklists/" : "") + slug + ".json";
    return fetch(address).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        fillIn(data, slug);
        submitted = false;
        dirty = false;
        result.hidden = true;
        status.textContent = "";
        report(checkAll(false), false);
        saveDraft();
        history.replaceState(null, "", location.pathname + "?" + kind + "=" + encodeURIComponent(slug));
        if (opener && kind === "werkvorm") { opener.querySelector("select").value = slug; }
        form.querySelector("input, textarea, select").focus();
      })
      .catch(function () {
        summary.hidden = false;
        summary.textContent = "Deze werkvorm kon niet worden geopend. Open je de site als bestand op je computer? Dat werkt alleen op de website zelf.";
      });
  }
  if (opener) {
    opener.hidden = false;
    opener.addEventListener("submit", function (event) {
      event.preventDefault();
      var slug = opener.querySelector("select").value;
      if (slug && kind === "checklist") { location.href = location.pathname + "?werkvorm=" + encodeURIComponent(slug); }
      else if (slug) { openRecord(slug).then(function () { host.scrollIntoView(); }); }
    });
  }

  /* A draft downloaded earlier, perhaps on another device: read back into the fields. */
  fileInput.addEventListener("change", function () {
    var file = fileInput.files && fileInput.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = parseYaml(String(reader.result)); } catch (e) { data = null; }
      if (!data) {
        draftStatus.textContent = "Dit bestand kan het formulier niet lezen. Kies een concept dat je met Download concept hebt bewaard.";
        return;
      }
      if (saveTimer) { window.clearTimeout(saveTimer); saveTimer = null; saveDraft(); }  // the draft she had stays hers
      var slug = file.name.replace(/\.(ya?ml|txt)$/i, "").replace(/^concept-/, "");
      fillIn(data, slug);  // the name of an existing werkvorm: an edit of it; any other name: a new werkvorm
      submitted = false; dirty = false;
      result.hidden = true;
      report(checkAll(false), false);
      saveDraft();
      history.replaceState(null, "", location.pathname + (editing ? "?" + kind + "=" + encodeURIComponent(editing) : kind === "checklist" ? "?checklist=nieuw" : ""));
      draftStatus.textContent = "Het concept uit " + file.name + " staat in het formulier.";
      fileInput.value = "";
    };
    reader.readAsText(file);
  });

  var asked = params.get(kind);
  var draft = readDraft(null);
  if (asked && known(asked)) {
    openRecord(asked);
  } else if (draft && draft.data) {
    restore(draft);
  } else {
    checkAll(false);  // lays out what depends on other fields (the roles under "Wat brengt het")
  }
})();
