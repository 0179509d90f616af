/* wijkgraph map, edit mode ("Aanvullingen-modus"): corrections from the room.
   New ties, ended ties, missing parties and notes are kept in this browser (localStorage,
   one key per map), drawn on the map through the hook window.wijkgraphExtra that map.js
   calls on every redraw, and saved as a small .xlsx in wijkgraph's input format
   (`wijkgraph analyse INPUT --aanvullingen FILE`). Every text typed here is data: shown
   with textContent or as a plain-text tooltip, written into the workbook XML escaped, and
   formula-like text is stored quote-prefixed. Nothing is loaded or sent anywhere. */
(function () {
  "use strict";

  var W = JSON.parse(document.getElementById("wijkgraph-corrections-words").textContent);
  var G = window.wijkgraph;
  if (!G) return;
  var D = G.data || JSON.parse(document.getElementById("wijkgraph-data").textContent);
  var actors = G.actors;
  var COLOUR = "#c0560f";
  var ENDED = "#b0182a";

  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : m;
    });
  }
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\s+/g, " ").trim();
  }
  function clean(text) {
    // one line of text, no control characters, at most 300 characters
    return String(text || "").replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ")
      .trim().slice(0, 300);
  }
  function today() { return new Date().toISOString().slice(0, 10); }

  // --- storage: one key per map (title and a hash of its data) ------------------------
  function hash(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }
  var KEY = "wijkgraph-aanvullingen:" + hash(D.title + "\n" +
    document.getElementById("wijkgraph-data").textContent);
  var store = { who: "", edits: [] };
  var storageOk = true;
  try {
    var saved = window.localStorage.getItem(KEY);
    if (saved) {
      var parsed = JSON.parse(saved);
      if (parsed && Array.isArray(parsed.edits)) store = { who: String(parsed.who || ""), edits: parsed.edits };
    }
  } catch (err) { storageOk = false; }
  function save() {
    try { window.localStorage.setItem(KEY, JSON.stringify(store)); } catch (err) { storageOk = false; }
  }

  // --- actors by name (the map's and the new parties) ---------------------------------
  var byName = new Map();
  actors.forEach(function (a) {
    byName.set(fold(a.name), a.i);
    if (a.id) byName.set(fold(a.id), a.i);
  });
  function newParties() { return store.edits.filter(function (e) { return e.kind === "party"; }); }
  function findNode(name) {
    var key = fold(name);
    if (byName.has(key)) return byName.get(key);
    var parties = newParties();
    for (var k = 0; k < parties.length; k++) {
      if (fold(parties[k].name) === key) return "aanv-p" + store.edits.indexOf(parties[k]);
    }
    return null;
  }
  function tieIndex(a, b) {
    for (var k = 0; k < D.edges.length; k++) {
      var e = D.edges[k];
      if ((e[0] === a && e[1] === b) || (e[0] === b && e[1] === a)) return k;
    }
    return -1;
  }

  // --- drawing: called by map.js on every redraw ---------------------------------------
  window.wijkgraphExtra = function (nodeItems, edgeItems) {
    var shown = new Set(nodeItems.map(function (n) { return n.id; }));
    var overview = nodeItems.length > 0 && !nodeItems.some(function (n) { return typeof n.id === "number"; });
    if (overview) return;
    var centre = G.network.getViewPosition();
    store.edits.forEach(function (e, k) {
      if (e.kind === "party") {
        nodeItems.push({
          id: "aanv-p" + k, label: e.name, shape: "box", x: e.x === undefined ? centre.x : e.x,
          y: e.y === undefined ? centre.y : e.y, borderWidth: 2,
          shapeProperties: { borderDashes: [5, 4] },
          color: { background: "#fff4e8", border: COLOUR, highlight: { background: "#ffe2c4", border: COLOUR } },
          font: { color: "#1a1a1a", size: 15 },
          title: e.name + "\n" + W.tip_new + (e.role ? "\n" + e.role : "") + (e.why ? "\n" + e.why : "")
        });
        shown.add("aanv-p" + k);
      }
    });
    store.edits.forEach(function (e, k) {
      var from = findNode(e.a), to = findNode(e.b);
      if (e.kind === "tie" && from !== null && to !== null && shown.has(from) && shown.has(to)) {
        edgeItems.push({
          id: "aanv-t" + k, from: from, to: to, dashes: [10, 6],
          width: (D.edge_widths[String(e.strength)] || 2) + 0.5,
          color: { color: COLOUR, opacity: 1, highlight: COLOUR, hover: COLOUR },
          title: e.a + " — " + e.b + "\n" + W.tip_new + (e.relkind ? " · " + e.relkind : "") +
            (e.why ? "\n" + e.why : "")
        });
      } else if (e.kind === "ended") {
        edgeItems.forEach(function (item) {
          if (String(item.id).charAt(0) !== "e") return;
          if ((item.from === from && item.to === to) || (item.from === to && item.to === from)) {
            item.dashes = [3, 7];
            item.label = "✕";
            item.font = { color: ENDED, size: 22, strokeWidth: 4, strokeColor: "#ffffff", align: "middle" };
            item.color = { color: ENDED, opacity: 1, highlight: ENDED, hover: ENDED };
            item.title = (item.title || "") + "\n" + W.tip_ended + (e.why ? "\n" + e.why : "");
          }
        });
      } else if (e.kind === "note" && from !== null) {
        nodeItems.forEach(function (item) {
          if (item.id !== from) return;
          item.borderWidth = 4;
          item.shapeProperties = { borderDashes: [4, 3] };
          item.title = (item.title || "") + "\n✎ " + e.text;
        });
      }
    });
  };

  // --- the panel ----------------------------------------------------------------------
  var app = document.getElementById("app") || document.body;
  var banner = el("div", null, "wg-corr-banner");
  banner.id = "corrections-banner";
  banner.setAttribute("role", "region");
  banner.hidden = true;
  banner.appendChild(el("strong", W.banner));
  var downloadButton = el("button", W.download);
  downloadButton.type = "button"; downloadButton.id = "corrections-download";
  var stopButton = el("button", W.stop);
  stopButton.type = "button"; stopButton.id = "corrections-stop";
  banner.appendChild(downloadButton); banner.appendChild(stopButton);
  if (!storageOk) banner.appendChild(el("span", W.no_storage, "wg-corr-warn"));

  var panel = el("section", null, "wg-corr-panel box");
  panel.id = "corrections-panel";
  panel.hidden = true;
  panel.setAttribute("aria-label", W.list);

  var datalist = el("datalist");
  datalist.id = "corrections-actors";
  var kindList = el("datalist");
  kindList.id = "corrections-kinds";
  W.kinds.forEach(function (k) { var o = el("option"); o.value = k; kindList.appendChild(o); });
  var domainList = el("datalist");
  domainList.id = "corrections-domains";
  D.domains.forEach(function (d) {
    if (!d[0]) return;
    var o = el("option"); o.value = d[0]; domainList.appendChild(o);
  });
  function refreshNames() {
    datalist.textContent = "";
    var names = actors.map(function (a) { return a.name; })
      .concat(newParties().map(function (p) { return p.name; }));
    names.sort(function (x, y) { return x.localeCompare(y); }).forEach(function (n) {
      var o = el("option"); o.value = n; datalist.appendChild(o);
    });
  }

  function field(form, key, label, opts) {
    opts = opts || {};
    var wrap = el("label", null, "wg-corr-field");
    wrap.appendChild(el("span", label));
    var input;
    if (opts.options) {
      input = el("select");
      opts.options.forEach(function (o) {
        var option = el("option", o[1]); option.value = o[0]; input.appendChild(option);
      });
    } else {
      input = el("input");
      input.type = "text"; input.autocomplete = "off"; input.spellcheck = false;
      if (opts.list) input.setAttribute("list", opts.list);
    }
    input.name = key;
    input.id = "corrections-" + form.dataset.kind + "-" + key;
    wrap.appendChild(input);
    form.appendChild(wrap);
    return input;
  }

  var who = el("input");
  who.type = "text"; who.id = "corrections-who"; who.autocomplete = "off"; who.value = store.who;
  who.addEventListener("change", function () { store.who = clean(who.value); save(); });
  var whoLabel = el("label", null, "wg-corr-field");
  whoLabel.appendChild(el("span", W.who)); whoLabel.appendChild(who);

  var chooser = el("div", null, "wg-corr-tabs");
  chooser.setAttribute("role", "tablist");
  var forms = {};
  var status = el("p", "", "wg-corr-status");
  status.id = "corrections-status";
  status.setAttribute("aria-live", "polite");

  var strengths = [1, 2, 3, 4].map(function (s) {
    return [String(s), s + " " + (D.strength_names[String(s)] || "")];
  });
  var specs = {
    tie: [["a", W.from, { list: "corrections-actors" }], ["b", W.to, { list: "corrections-actors" }],
      ["relkind", W.kind, { list: "corrections-kinds" }], ["strength", W.strength, { options: strengths }]],
    ended: [["a", W.from, { list: "corrections-actors" }], ["b", W.to, { list: "corrections-actors" }]],
    party: [["name", W.name], ["domain", W.domain, { list: "corrections-domains" }], ["role", W.role],
      ["wijk", W.area]],
    note: [["a", W.actor, { list: "corrections-actors" }], ["text", W.text]]
  };
  Object.keys(specs).forEach(function (kind) {
    var tab = el("button", W[kind]);
    tab.type = "button"; tab.id = "corrections-tab-" + kind; tab.setAttribute("role", "tab");
    tab.addEventListener("click", function () { choose(kind); });
    chooser.appendChild(tab);
    var form = el("form", null, "wg-corr-form");
    form.dataset.kind = kind; form.id = "corrections-form-" + kind; form.hidden = true;
    form.noValidate = true;
    var inputs = {};
    specs[kind].forEach(function (s) { inputs[s[0]] = field(form, s[0], s[1], s[2]); });
    inputs.why = field(form, "why", W.why);
    var add = el("button", W.add);
    add.type = "submit"; add.id = "corrections-add-" + kind;
    form.appendChild(add);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var values = {};
      Object.keys(inputs).forEach(function (k) { values[k] = clean(inputs[k].value); });
      var problem = check(kind, values);
      if (problem) { status.textContent = problem; status.className = "wg-corr-status bad"; return; }
      var edit = { kind: kind, who: clean(who.value), when: today() };
      Object.keys(values).forEach(function (k) { if (values[k]) edit[k] = values[k]; });
      if (kind === "tie") edit.strength = parseInt(values.strength, 10) || 1;
      if (kind === "party") {
        // a free spot: a column just right of the drawn network, one row per new party
        var pos = G.network.getPositions(), xs = [], ys = [];
        Object.keys(pos).forEach(function (id) {
          if (id.indexOf("aanv-p") !== 0) { xs.push(pos[id].x); ys.push(pos[id].y); }
        });
        var right = xs.length ? Math.max.apply(null, xs) : 0;
        var top = ys.length ? Math.min.apply(null, ys) : 0;
        edit.x = Math.round(right + 120);
        edit.y = Math.round(top + 70 * newParties().length);
      }
      store.who = edit.who;
      store.edits.push(edit);
      save();
      Object.keys(inputs).forEach(function (k) { if (k !== "strength") inputs[k].value = ""; });
      status.textContent = fill(W.added, { what: describe(edit) });
      status.className = "wg-corr-status";
      changed();
      if (kind === "party") G.network.fit({ animation: false });  // the new party in view
    });
    forms[kind] = form;
  });

  function check(kind, v) {
    if (kind === "party") {
      if (!v.name) return W.need_name;
      if (findNode(v.name) !== null) return fill(W.exists, { name: v.name });
      return null;
    }
    if (!v.a || (kind !== "note" && !v.b)) return W.both;
    var a = findNode(v.a);
    if (a === null) return fill(W.unknown, { name: v.a });
    if (kind === "note") return v.text ? null : W.need_text;
    var b = findNode(v.b);
    if (b === null) return fill(W.unknown, { name: v.b });
    if (a === b) return W.same;
    if (kind === "ended" && (typeof a !== "number" || typeof b !== "number" || tieIndex(a, b) < 0)) {
      return fill(W.no_tie, { a: v.a, b: v.b });
    }
    return null;
  }

  function describe(e) {
    if (e.kind === "party") return W.party + ": " + e.name;
    if (e.kind === "note") return W.note + ": " + e.a + " — " + e.text;
    return W[e.kind] + ": " + e.a + " — " + e.b;
  }

  var list = el("ul", null, "wg-corr-list");
  list.id = "corrections-list";
  function renderList() {
    list.textContent = "";
    downloadButton.disabled = !store.edits.length;
    if (!store.edits.length) { list.appendChild(el("li", W.empty, "empty")); return; }
    store.edits.forEach(function (e, k) {
      var li = el("li");
      li.appendChild(el("span", describe(e), "what"));
      var meta = [e.who, e.when, e.why].filter(Boolean).join(" · ");
      if (meta) li.appendChild(el("span", meta, "meta"));
      var undo = el("button", W.undo);
      undo.type = "button";
      undo.addEventListener("click", function () {
        store.edits.splice(k, 1);
        save();
        changed();
      });
      li.appendChild(undo);
      list.appendChild(li);
    });
  }

  function choose(kind) {
    Object.keys(forms).forEach(function (k) {
      forms[k].hidden = k !== kind;
      document.getElementById("corrections-tab-" + k).setAttribute("aria-selected", String(k === kind));
    });
  }

  function changed() {
    refreshNames();
    renderList();
    if (G.render) G.render();
  }

  panel.appendChild(el("h2", W.list));
  panel.appendChild(whoLabel);
  panel.appendChild(chooser);
  Object.keys(forms).forEach(function (k) { panel.appendChild(forms[k]); });
  panel.appendChild(status);
  panel.appendChild(list);
  panel.appendChild(datalist); panel.appendChild(kindList); panel.appendChild(domainList);
  app.parentNode.insertBefore(banner, app);
  document.body.appendChild(panel);

  var toggle = el("button", W.button);
  toggle.type = "button"; toggle.id = "corrections";
  toggle.setAttribute("aria-pressed", "false");
  var buttons = document.querySelector("#top .buttons");
  if (buttons) buttons.appendChild(toggle);

  function setMode(on) {
    banner.hidden = !on; panel.hidden = !on;
    document.body.classList.toggle("wg-editing", on);
    toggle.setAttribute("aria-pressed", String(on));
    if (on) { choose("tie"); refreshNames(); renderList(); }
  }
  toggle.addEventListener("click", function () { setMode(panel.hidden); });
  // in edit mode a click on an actor fills the first empty actor field of the open form
  G.network.on("selectNode", function (params) {
    if (panel.hidden || !params.nodes.length) return;
    var id = params.nodes[0];
    var name = typeof id === "number" ? actors[id].name
      : (String(id).indexOf("aanv-p") === 0 ? (store.edits[+String(id).slice(6)] || {}).name : null);
    if (!name) return;
    var form = Object.keys(forms).map(function (k) { return forms[k]; })
      .filter(function (f) { return !f.hidden; })[0];
    if (!form) return;
    var fields = ["a", "b"].map(function (k) { return form.elements.namedItem(k); })
      .filter(function (f) { return f && !f.value; });
    if (fields.length) fields[0].value = name;
  });
  stopButton.addEventListener("click", function () { setMode(false); });
  downloadButton.addEventListener("click", function () {
    var blob = new Blob([workbook(sheets())],
      { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    var base = String(D.title || "").replace(/[^\w\u00c0-\u024f-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
    link.href = url; link.download = (base ? base + "-" : "") + W.file + "-" + today() + ".xlsx";
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 2000);
  });

  // --- the workbook: wijkgraph's own input format --------------------------------------
  function sheets() {
    var who3 = function (e) { return [e.who || "", e.when || "", e.why || ""]; };
    var out = {
      actoren: [["id", "naam", "soort", "domein", "rol", "wijk", "omschrijving", "wie", "wanneer", "waarom"]],
      relaties: [["van", "naar", "soort", "sterkte", "wie", "wanneer", "waarom"]],
      beeindigd: [["van", "naar", "wie", "wanneer", "waarom"]],
      notities: [["actor", "notitie", "wie", "wanneer", "waarom"]]
    };
    store.edits.forEach(function (e) {
      if (e.kind === "party") out.actoren.push(["", e.name, "", e.domain || "", e.role || "", e.wijk || "", ""].concat(who3(e)));
      else if (e.kind === "tie") out.relaties.push([e.a, e.b, e.relkind || "", e.strength || 1].concat(who3(e)));
      else if (e.kind === "ended") out.beeindigd.push([e.a, e.b].concat(who3(e)));
      else if (e.kind === "note") out.notities.push([e.a, e.text].concat(who3(e)));
    });
    return out;
  }

  function xml(text) {
    return String(text).replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\ud800-\udfff]/g, "")
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }
  function column(i) {
    var s = "";
    for (i += 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + (i - 1) % 26) + s;
    return s;
  }
  function sheetXml(rows) {
    var body = rows.map(function (row, r) {
      var cells = row.map(function (v, c) {
        var ref = column(c) + (r + 1);
        if (typeof v === "number") return '<c r="' + ref + '"><v>' + v + "</v></c>";
        if (v === "") return "";
        var style = /^[=+\-@\t\r]/.test(v) ? ' s="1"' : (r === 0 ? ' s="2"' : "");
        return '<c r="' + ref + '" t="inlineStr"' + style + '><is><t xml:space="preserve">' +
          xml(v) + "</t></is></c>";
      }).join("");
      return '<row r="' + (r + 1) + '">' + cells + "</row>";
    }).join("");
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      "<sheetData>" + body + "</sheetData></worksheet>";
  }
  function workbook(data) {
    var names = Object.keys(data);
    var head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
    var main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    var rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    var files = [
      ["[Content_Types].xml", head +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        names.map(function (n, i) {
          return '<Override PartName="/xl/worksheets/sheet' + (i + 1) +
            '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>';
        }).join("") + "</Types>"],
      ["_rels/.rels", head + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="' + rel + '/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
      ["xl/workbook.xml", head + '<workbook xmlns="' + main + '" xmlns:r="' + rel + '"><sheets>' +
        names.map(function (n, i) {
          return '<sheet name="' + xml(n) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>';
        }).join("") + "</sheets></workbook>"],
      ["xl/_rels/workbook.xml.rels", head +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        names.map(function (n, i) {
          return '<Relationship Id="rId' + (i + 1) + '" Type="' + rel + '/worksheet" Target="worksheets/sheet' +
            (i + 1) + '.xml"/>';
        }).join("") + '<Relationship Id="rId' + (names.length + 1) + '" Type="' + rel +
        '/styles" Target="styles.xml"/></Relationships>'],
      ["xl/styles.xml", head + '<styleSheet xmlns="' + main + '">' +
        '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>' +
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>']
    ];
    names.forEach(function (n, i) { files.push(["xl/worksheets/sheet" + (i + 1) + ".xml", sheetXml(data[n])]); });
    return zip(files);
  }

  // --- a minimal zip writer: stored entries, CRC32 ------------------------------------
  var CRC = (function () {
    var t = new Uint32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c >>> 0;
    }
    return t;
  })();
  function crc32(bytes) {
    var c = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) c = CRC[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  }
  function zip(files) {
    var enc = new TextEncoder();
    var parts = [], central = [], offset = 0;
    function header(size) { var b = new Uint8Array(size); return { bytes: b, view: new DataView(b.buffer) }; }
    files.forEach(function (f) {
      var name = enc.encode(f[0]), data = enc.encode(f[1]), crc = crc32(data);
      var h = header(30 + name.length), v = h.view;
      v.setUint32(0, 0x04034b50, true); v.setUint16(4, 20, true); v.setUint16(6, 0x0800, true);
      v.setUint16(8, 0, true); v.setUint16(10, 0, true); v.setUint16(12, 0x0021, true);
      v.setUint32(14, crc, true); v.setUint32(18, data.length, true); v.setUint32(22, data.length, true);
      v.setUint16(26, name.length, true); v.setUint16(28, 0, true);
      h.bytes.set(name, 30);
      var cd = header(46 + name.length), w = cd.view;
      w.setUint32(0, 0x02014b50, true); w.setUint16(4, 20, true); w.setUint16(6, 20, true);
      w.setUint16(8, 0x0800, true); w.setUint16(10, 0, true); w.setUint16(12, 0, true);
      w.setUint16(14, 0x0021, true); w.setUint32(16, crc, true); w.setUint32(20, data.length, true);
      w.setUint32(24, data.length, true); w.setUint16(28, name.length, true);
      w.setUint32(42, offset, true);
      cd.bytes.set(name, 46);
      parts.push(h.bytes, data);
      central.push(cd.bytes);
      offset += h.bytes.length + data.length;
    });
    var size = central.reduce(function (s, b) { return s + b.length; }, 0);
    var end = header(22), e = end.view;
    e.setUint32(0, 0x06054b50, true); e.setUint16(8, files.length, true); e.setUint16(10, files.length, true);
    e.setUint32(12, size, true); e.setUint32(16, offset, true);
    return new Blob(parts.concat(central, [end.bytes]));
  }

  // for tests and the console
  window.wijkgraphCorrections = { edits: function () { return store.edits.slice(); }, sheets: sheets, key: KEY };
  if (store.edits.length) changed();
})();
