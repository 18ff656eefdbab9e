/* "Werkvorm voorstellen": a form built from the record's JSON Schema (the page carries it, generated
   from the same model the build validates with), checked as the editor types with the build's Dutch
   messages, turned into a YAML record. Nothing leaves the browser until the editor opens GitHub. */
(function () {
  "use strict";

  var host = document.querySelector("[data-hb-form]");
  if (!host || host.getAttribute("data-ready")) { return; }
  host.setAttribute("data-ready", "1");
  var schema = JSON.parse(host.getAttribute("data-schema"));
  var texts = JSON.parse(host.getAttribute("data-texts"));
  var defs = schema.$defs || {};
  var counter = 0;
  var submitted = false;

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
    ["title", "description"].forEach(function (k) { if (outer[k]) { result[k] = outer[k]; } });
    return result;
  }

  function label(name, s) { return s.title || name; }

  function isEmpty(v) {
    return v === undefined || v === "" || (Array.isArray(v) && v.length === 0) ||
      (v && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0);
  }

  /* ---- controls: each has .node, .get(), .set(value), .check(showAll) -> number of problems ---- */

  function control(name, s, required) {
    s = norm(s);
    if (s.type === "array" && s.items && norm(s.items).enum) { return choices(name, s, required); }
    if (s.type === "array") { return list(name, s, required); }
    if (s.type === "object" && s.properties) { return group(name, s, required); }
    if (s.type === "object" && s.propertyNames) { return perKey(name, s, required); }
    return field(name, s, required);
  }

  function wrapper(name, s, required, input) {
    var id = input.id;
    var help = el("p", { "class": "hb-help", id: id + "-help", text: s.description || "" });
    var error = el("p", { "class": "hb-error", id: id + "-error", "aria-live": "polite" });
    input.setAttribute("aria-describedby", id + "-help " + id + "-error");
    var caption = el("label", { "for": id, text: label(name, s) + (required ? "" : " (mag leeg blijven)") });
    return { node: el("div", { "class": "hb-field" }, [caption, help, input, error]), error: error };
  }

  function show(box, input, problem, visible) {
    box.error.textContent = visible && problem ? problem : "";
    if (input) { input.setAttribute("aria-invalid", visible && problem ? "true" : "false"); }
  }

  function field(name, s, required) {
    var id = "hb-f" + (counter += 1), input;
    if (s.enum) {
      input = el("select", { id: id, name: name }, [el("option", { value: "", text: "Kies..." })]);
      s.enum.forEach(function (value, i) {
        var text = s.enumDescriptions ? value + " (" + s.enumDescriptions[i] + ")" : value;
        input.appendChild(el("option", { value: value, text: text }));
      });
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
    }
    if (required) { input.setAttribute("aria-required", "true"); }
    var box = wrapper(name, s, required, input), touched = false;

    function get() {
      if (s.type === "boolean") { return input.checked ? true : undefined; }
      var text = input.value.trim();
      if (!text) { return undefined; }
      if (s.type === "integer") { return /^-?\d+$/.test(text) ? parseInt(text, 10) : text; }
      return text;
    }

    function problem() {
      var v = get();
      if (v === undefined) { return required ? texts.missing : ""; }
      if (s.type === "integer") {
        if (typeof v !== "number") { return texts.int; }
        if (s.minimum !== undefined && v < s.minimum) { return say("minimum", { n: s.minimum }); }
        if (s.maximum !== undefined && v > s.maximum) { return say("maximum", { n: s.maximum }); }
        return "";
      }
      if (typeof v !== "string") { return ""; }
      if (s.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(v)) { return texts.date; }
      if (s.minLength && v.length < s.minLength) {
        return s.minLength === 1 ? texts.empty : say("too_short", { n: s.minLength });
      }
      if (s.maxLength && v.length > s.maxLength) { return say("too_long", { len: v.length, n: s.maxLength }); }
      if (s.pattern && !new RegExp(s.pattern, "u").test(v)) { return s.patternErrorMessage || s.errorMessage; }
      return "";
    }

    function check(all) {
      var p = problem();
      show(box, input, p, touched || all);
      return p ? [{ text: label(name, s) + ": " + p, target: input }] : [];
    }

    input.addEventListener(s.type === "boolean" || s.enum ? "change" : "input", function () {
      touched = true; check(submitted); changed();
    });
    input.addEventListener("blur", function () { if (input.value) { touched = true; check(submitted); } });
    return {
      node: box.node, get: get, check: check, focus: input,
      set: function (v) {
        if (s.type === "boolean") { input.checked = !!v; } else { input.value = v === undefined ? "" : String(v); }
      }
    };
  }

  /* A list of words from a fixed list (roles, themes, goals): tick boxes. */
  function choices(name, s, required) {
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
  function list(name, s, required) {
    var itemSchema = norm(s.items || {});
    var fieldset = el("fieldset", { "class": "hb-list" });
    fieldset.appendChild(el("legend", { text: label(name, s) + (required ? "" : " (mag leeg blijven)") }));
    fieldset.appendChild(el("p", { "class": "hb-help", text: s.description || "" }));
    var items = el("ol", { "class": "hb-items" });
    var error = el("p", { "class": "hb-error", "aria-live": "polite" });
    var add = el("button", { type: "button", "class": "md-button hb-add", text: "+ " + label(name, s) + ": nog een toevoegen" });
    fieldset.appendChild(items);
    fieldset.appendChild(error);
    fieldset.appendChild(add);
    var rows = [];

    function addRow(value) {
      var title = label(name, s) + " " + (rows.length + 1);
      var inner = control(name, Object.assign({}, itemSchema, { title: title, $ref: undefined }), true);
      var remove = el("button", { type: "button", "class": "md-button hb-remove", text: "Verwijder" });
      var li = el("li", {}, [inner.node, remove]);
      var row = { inner: inner, li: li };
      remove.setAttribute("aria-label", "Verwijder item uit " + label(name, s));
      remove.addEventListener("click", function () {
        rows.splice(rows.indexOf(row), 1); li.remove(); check(submitted); changed(); add.focus();
      });
      rows.push(row);
      items.appendChild(li);
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
      error.textContent = all ? p : "";
      if (p) { found.unshift({ text: label(name, s) + ": " + p, target: rows[0] ? rows[0].inner.focus : add }); }
      return found;
    }
    return {
      node: fieldset, get: get, check: check, focus: add,
      set: function (v) {
        rows.slice().forEach(function (r) { r.li.remove(); });
        rows = [];
        (v && v.length ? v : [undefined]).forEach(function (x) { addRow(x); });
      }
    };
  }

  /* A group of fields (a step, the practical facts, a range). */
  function group(name, s, required, isRoot) {
    var needed = s.required || [];
    var children = Object.keys(s.properties).map(function (key) {
      return { key: key, c: control(key, s.properties[key], needed.indexOf(key) !== -1) };
    });
    var node = isRoot ? el("div", { "class": "hb-root" }) : el("fieldset", { "class": "hb-group" });
    if (!isRoot) {
      node.appendChild(el("legend", { text: label(name, s) }));
      if (s.description) { node.appendChild(el("p", { "class": "hb-help", text: s.description })); }
    }
    children.forEach(function (child) { node.appendChild(child.c.node); });
    function get() {
      var out = {};
      children.forEach(function (child) { var v = child.c.get(); if (!isEmpty(v)) { out[child.key] = v; } });
      return Object.keys(out).length ? out : undefined;
    }
    return {
      node: node, get: get, children: children, focus: children[0].c.focus,
      check: function (all) {
        var found = [];
        children.forEach(function (child) { found = found.concat(child.c.check(all)); });
        if (!isRoot) {  // "Duur › Min" says which of the two minimums
          found.forEach(function (f) { f.text = label(name, s) + " › " + f.text; });
        }
        return found;
      },
      set: function (v) { children.forEach(function (child) { child.c.set((v || {})[child.key]); }); }
    };
  }

  /* A value per word of a fixed list (what the werkvorm brings each role): one list per word. */
  function perKey(name, s, required) {
    var keys = norm(s.propertyNames).enum || [];
    var labels = norm(s.propertyNames).enumDescriptions || keys;
    var fieldset = el("fieldset", { "class": "hb-group" });
    fieldset.appendChild(el("legend", { text: label(name, s) }));
    fieldset.appendChild(el("p", { "class": "hb-help", text: (s.description || "") + " Vul alleen in voor de rollen die je hebt gekozen." }));
    var error = el("p", { "class": "hb-error", "aria-live": "polite" });
    var parts = keys.map(function (key, i) {
      var c = control(key, Object.assign({}, s.additionalProperties, { title: labels[i] + " (" + key + ")" }), false);
      fieldset.appendChild(c.node);
      return { key: key, c: c };
    });
    fieldset.appendChild(error);
    function get() {
      var out = {};
      parts.forEach(function (p) { var v = p.c.get(); if (!isEmpty(v)) { out[p.key] = v; } });
      return Object.keys(out).length ? out : undefined;
    }
    return {
      node: fieldset, get: get, focus: parts[0].c.focus, parts: parts,
      check: function (all) {
        var found = [];
        parts.forEach(function (p) { found = found.concat(p.c.check(all)); });
        var p = required && !get() ? texts.missing : "";
        error.textContent = all ? p : "";
        if (p) { found.unshift({ text: label(name, s) + ": " + p, target: parts[0].c.focus }); }
        return found;
      },
      set: function (v) { parts.forEach(function (p) { p.c.set((v || {})[p.key]); }); }
    };
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
    return [host.getAttribute("data-modeline")].concat(mapping(data, schema, 0)).join("\n") + "\n";
  }

  function slugify(title) {
    return (title || "").normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /* ---- the page ---- */

  var form = el("form", { "class": "hb-form", novalidate: "novalidate" });
  var root = group("", schema, true, true);
  form.appendChild(root.node);
  var summary = el("div", { "class": "hb-summary", role: "alert", tabindex: "-1", hidden: "hidden" });
  var make = el("button", { type: "submit", "class": "md-button md-button--primary", text: "Maak het bestand" });
  form.appendChild(summary);
  form.appendChild(make);

  var result = el("section", { "class": "hb-result", hidden: "hidden", "aria-labelledby": "hb-result-title" });
  var resultTitle = el("h2", { id: "hb-result-title", text: "Je bestand" });
  var nameLine = el("p", {});
  var output = el("textarea", { id: "hb-yaml", readonly: "readonly", rows: "16", "aria-label": "Het bestand in YAML" });
  var github = el("a", { "class": "md-button md-button--primary", id: "hb-github", target: "_blank", rel: "noopener noreferrer", text: "Open in GitHub" });
  var copy = el("button", { type: "button", "class": "md-button", text: "Kopieer" });
  var download = el("a", { "class": "md-button", id: "hb-download", text: "Download" });
  var status = el("p", { role: "status", "class": "hb-status" });
  var githubNote = el("p", { "class": "hb-help" });
  [resultTitle, nameLine, output, el("p", { "class": "hb-actions" }, [github, copy, download]), status, githubNote]
    .forEach(function (n) { result.appendChild(n); });

  host.appendChild(form);
  host.appendChild(result);
  var editing = null; // the slug of an existing werkvorm that is open in the form

  function changed() {
    if (!result.hidden) { result.hidden = true; status.textContent = ""; }
    if (submitted) { report(root.check(true)); }
  }

  function report(found) {
    summary.textContent = "";
    if (!found.length) { summary.hidden = true; return; }
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

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitted = true;
    var found = root.check(true);
    report(found);
    if (found.length) { summary.focus(); return; }
    var data = root.get() || {};
    var yaml = toYaml(data);
    var slug = editing || slugify(data.titel) || "nieuwe-werkvorm";
    var filename = slug + ".yml";
    output.value = yaml;
    nameLine.textContent = "Bestandsnaam: werkvormen/" + filename;
    download.setAttribute("href", URL.createObjectURL(new Blob([yaml], { type: "text/yaml" })));
    download.setAttribute("download", filename);
    var newUrl = host.getAttribute("data-new"), editUrl = host.getAttribute("data-edit");
    if (editing && editUrl) {
      github.setAttribute("href", editUrl + filename);
      github.hidden = false;
      githubNote.textContent = "GitHub opent het bestaande bestand. Klik eerst op Kopieer, selecteer in GitHub alle tekst en plak je nieuwe versie eroverheen.";
    } else if (newUrl) {
      var url = newUrl + "?filename=" + encodeURIComponent(filename) + "&value=" + encodeURIComponent(yaml);
      github.setAttribute("href", url);
      github.hidden = false;
      githubNote.textContent = url.length > 8000
        ? "Je bestand is lang; lukt het openen niet, klik dan op Kopieer, open GitHub en plak de tekst."
        : "GitHub opent een nieuw bestand in werkvormen/ met deze tekst erin.";
    } else {
      github.hidden = true;
      githubNote.textContent = "Deze versie van de website weet niet waar de repository staat: kopieer of download het bestand.";
    }
    result.hidden = false;
    resultTitle.focus();
    resultTitle.setAttribute("tabindex", "-1");
    resultTitle.focus();
  });

  copy.addEventListener("click", function () {
    output.select();
    var done = function () { status.textContent = "Gekopieerd. Plak de tekst in GitHub."; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(output.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });

  /* Open an existing werkvorm: its data is published beside the site (formulier/SLUG.json). */
  var opener = document.querySelector("[data-hb-open]");
  function siteBase() {
    var config = document.getElementById("__config");
    try { return new URL(JSON.parse(config.textContent).base + "/", location.href).href; } catch (e) { return new URL("../", location.href).href; }
  }
  function openRecord(slug) {
    var address = siteBase() + host.getAttribute("data-data") + "/" + slug + ".json";
    return fetch(address).then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (data) {
        root.set(data);
        editing = slug;
        submitted = false;
        result.hidden = true;
        status.textContent = "";
        if (opener) { opener.querySelector("select").value = slug; }
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
      if (slug) {
        history.replaceState(null, "", location.pathname + "?werkvorm=" + encodeURIComponent(slug));
        openRecord(slug).then(function () { host.scrollIntoView(); });
      }
    });
  }
  var asked = new URLSearchParams(location.search).get("werkvorm");
  if (asked && /^[a-z0-9-]+$/.test(asked)) { openRecord(asked); }
})();
