/* wijkgraph map. Data comes from the JSON block and is only ever shown with textContent
   or as a plain-text vis-network title (vis-network 9 sets tooltips with innerText).
   Never innerHTML with data. No network requests. */
(function () {
  "use strict";

  var D = JSON.parse(document.getElementById("wijkgraph-data").textContent);
  var S = D.strings;
  var C = D.colours;

  function fill(text, params) {
    return text.replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(params, k) ? String(params[k]) : m;
    });
  }
  function fmt(key, params) { return fill(S[key], params); }
  /* a counted phrase: singular for 1, plural otherwise (Dutch and English) */
  function count(key, n) { return fill(D.plurals[key][n === 1 ? 0 : 1], { n: num(n) }); }
  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  /* numbers as the report writes them (Translator.number): marks from the page's language */
  function num(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, D.number_format.group);
  }
  function dec(x) { return x.toFixed(2).replace(".", D.number_format.decimal); }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function shade(hex, f) {
    var v = parseInt(hex.slice(1), 16), r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
    function c(x) { return Math.max(0, Math.min(255, Math.round(x * f))); }
    return "#" + ((1 << 24) + (c(r) << 16) + (c(g) << 8) + c(b)).toString(16).slice(1);
  }

  // --- data -------------------------------------------------------------------------
  var actors = D.actors.map(function (r, i) {
    return { i: i, id: r[0], name: r[1], type: r[2], domain: r[3], role: r[4], wijk: r[5],
      themes: r[6], meetings: r[7], description: r[8], x: r[9], y: r[10], size: r[11],
      score: r[12], group: r[13], rank: r[14], why: r[15], key: fold(r[1]) };
  });
  var partners = actors.map(function () { return []; });
  D.edges.forEach(function (e, k) {
    partners[e[0]].push([e[1], k]);
    partners[e[1]].push([e[0], k]);
  });
  var meetingPartners = actors.map(function () { return []; });
  D.meeting_edges.forEach(function (e, k) {
    meetingPartners[e[0]].push([e[1], k]);
    meetingPartners[e[1]].push([e[0], k]);
  });
  var suggestionsOf = actors.map(function () { return []; });
  D.suggestions.forEach(function (s, k) {
    suggestionsOf[s[0]].push([s[1], k]);
    suggestionsOf[s[1]].push([s[0], k]);
  });
  actors.forEach(function (a) { a.degree = partners[a.i].length; });

  /* A small network's layout is drawn in the same units as a large one's, so its circles
     nearly touch and the first view (which vis-network never zooms beyond 1) shows it as a
     small knot in a large canvas. Spread the positions (not the circles) until the median
     distance to the nearest actor is SPREAD times the median radius; ghosts and groups move
     with them. Networks of more than SPREAD_MAX actors are left as they are. */
  var SPREAD = 5.5, SPREAD_MAX = 300;
  (function spread() {
    var n = actors.length;
    if (n < 2 || n > SPREAD_MAX) return;
    function median(xs) {
      xs = xs.slice().sort(function (p, q) { return p - q; });
      return xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
    }
    var nearest = actors.map(function (a) {
      var best = Infinity;
      actors.forEach(function (b) {
        if (b !== a) best = Math.min(best, Math.sqrt((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)));
      });
      return best;
    });
    var gap = median(nearest), radius = median(actors.map(function (a) { return a.size; }));
    if (!(gap > 0) || gap >= SPREAD * radius) return;
    var f = SPREAD * radius / gap;
    var cx = 0, cy = 0;
    actors.forEach(function (a) { cx += a.x / n; cy += a.y / n; });
    function at(x, c) { return Math.round((c + (x - c) * f) * 10) / 10; }
    actors.forEach(function (a) { a.x = at(a.x, cx); a.y = at(a.y, cy); });
    D.ghosts.forEach(function (g) { g[5] = at(g[5], cx); g[6] = at(g[6], cy); });
    D.groups.forEach(function (g) { g[1] = at(g[1], cx); g[2] = at(g[2], cy); });
  })();

  var domainName = function (a) { return D.domains[a.domain][2]; };
  var domainColour = function (d) { return D.domains[d][1]; };
  var typeName = function (a) { return D.types[a.type][2]; };

  function actorTitle(a) {
    var lines = [a.name, typeName(a) + " · " + domainName(a)];
    if (a.role) lines.push(a.role);
    if (a.wijk.length) lines.push(a.wijk.map(function (w) { return D.wijken[w]; }).join(", "));
    if (a.rank) lines.push(S.f_score + ": " + dec(a.score) + " (#" + a.rank + ")");
    return lines.join("\n");
  }
  function strengthText(w) {
    return S.strength + " " + w + " · " + D.strength_names[String(w)];
  }

  // --- state ------------------------------------------------------------------------
  var FACETS = ["domain", "wijk", "theme", "type", "meeting"];
  var state = {
    filters: {}, scope: -1, showAll: false, selected: null, ghost: null,
    layers: { meetings: false, suggestions: false, ghosts: !!D.ghosts_on },
    sort: { key: D.is_score ? "score" : "score", dir: -1 }, listText: "",
    view: { overview: false, actors: [] }
  };
  FACETS.forEach(function (f) { state.filters[f] = new Set(); });
  // Shared meetings start hidden (they crowd the map) unless there are no declared ties.
  state.layers.meetings = D.meeting_edges.length > 0 && D.edges.length === 0 && !D.large;

  function passes(a) {
    var f = state.filters;
    if (f.domain.size && !f.domain.has(a.domain)) return false;
    if (f.type.size && !f.type.has(a.type)) return false;
    if (f.wijk.size && !a.wijk.some(function (w) { return f.wijk.has(w); })) return false;
    if (f.theme.size && !a.themes.some(function (t) { return f.theme.has(t); })) return false;
    if (f.meeting.size && !a.meetings.some(function (m) { return f.meeting.has(m); })) return false;
    return true;
  }
  function filtersActive() {
    return FACETS.some(function (f) { return state.filters[f].size > 0; });
  }

  // --- vis-network ------------------------------------------------------------------
  var container = document.getElementById("network");
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var big = actors.length > D.overview_limit;
  var options = {
    autoResize: true,
    physics: false,
    layout: { improvedLayout: false, randomSeed: 0 },
    interaction: {
      hover: actors.length <= 3000, tooltipDelay: 120, hideEdgesOnDrag: D.hide_edges,
      hideEdgesOnZoom: big, multiselect: false, navigationButtons: false, keyboard: false,
      selectConnectedEdges: false, zoomSpeed: 0.8
    },
    nodes: {
      borderWidth: 1.5, borderWidthSelected: 4,
      font: { face: "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif",
        size: 15, color: "#1a1a1a", strokeWidth: 4, strokeColor: "#ffffff" },
      scaling: { label: { drawThreshold: 6 } }
    },
    edges: { smooth: false, selectionWidth: 1.5, hoverWidth: 0.8, color: { inherit: false } }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  /* the whole view in sight; a small network may be drawn up to FIT_ZOOM times its size
     (vis-network's own fit stops at 1, leaving a few actors as a knot in the middle) */
  var FIT_ZOOM = 1.5;
  function fit() { network.fit({ animation: false, maxZoomLevel: FIT_ZOOM }); }
  network.on("beforeDrawing", function (ctx) {
    // white background so that the exported PNG is not transparent
    ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });

  function actorNode(a, faded, isSelected) {
    var colour = domainColour(a.domain);
    var style = faded
      ? { background: C.faded, border: "#cccccc", highlight: { background: C.faded, border: "#999" },
          hover: { background: C.faded, border: "#999" } }
      : { background: colour, border: shade(colour, 0.6),
          highlight: { background: colour, border: C.highlight },
          hover: { background: colour, border: C.highlight } };
    var shape = D.types[a.type][1];
    var size = a.size * (shape === "star" || shape === "triangle" || shape === "triangleDown" ? 1.15 : 1);
    return {
      id: a.i, x: a.x, y: a.y, label: a.name, title: actorTitle(a), shape: shape, size: size,
      color: style, borderWidth: isSelected ? 5 : 1.5,
      font: { color: faded ? "#b5b5b5" : "#1a1a1a", size: Math.round(13 + (a.size - 10) * 0.45),
        bold: isSelected }
    };
  }

  function ghostNodes() {
    return D.ghosts.map(function (g, k) {
      var colour = domainColour(g[1]);
      var lines = [g[0], S.ghost + " · " + D.domains[g[1]][2]];
      if (g[7] && g[7] !== g[0]) lines.push(g[7]);
      if (g[2]) lines.push(g[2]);
      if (g[4]) lines.push(g[4]);
      return {
        id: "g" + k, x: g[5], y: g[6], label: g[0], title: lines.join("\n"), shape: "dot", size: 16,
        color: { background: C.ghost, border: colour, highlight: { background: C.ghost, border: C.highlight },
          hover: { background: C.ghost, border: C.highlight } },
        borderWidth: 3, shapeProperties: { borderDashes: [5, 4] },
        font: { color: "#555555", size: 15, italic: true }
      };
    });
  }

  function declaredEdge(k, faded, strong) {
    var e = D.edges[k], a = actors[e[0]], b = actors[e[1]];
    var title = a.name + " — " + b.name + "\n" + D.edge_labels[e[3]] + "\n" + strengthText(e[2]);
    return {
      id: "e" + k, from: e[0], to: e[1], width: D.edge_widths[String(e[2])] * (strong ? 1.3 : 1),
      title: title,
      color: { color: faded ? "#ededed" : (strong ? "#333333" : C.edge), opacity: faded ? 1 : 0.8,
        highlight: C.highlight, hover: C.highlight }
    };
  }
  function meetingEdge(k, faded, strong) {
    var e = D.meeting_edges[k], a = actors[e[0]], b = actors[e[1]];
    var names = e[3].map(function (m) { return D.meetings[m][1]; }).join(", ");
    return {
      id: "m" + k, from: e[0], to: e[1], width: strong ? 2 : 1.2, dashes: [6, 5],
      title: a.name + " — " + b.name + "\n" + S.shared_meetings + ": " + names,
      color: { color: faded ? "#f0f0f0" : (strong ? "#555555" : C.meeting), opacity: 1,
        highlight: C.highlight, hover: C.highlight }
    };
  }
  function suggestionEdge(k, faded) {
    var s = D.suggestions[k], a = actors[s[0]], b = actors[s[1]];
    var lines = [a.name + " — " + b.name, S.suggested + (s[3] ? " · " + s[3] : "")];
    if (s[4]) lines.push(s[4]);
    return {
      id: "s" + k, from: s[0], to: s[1], width: 3, dashes: [2, 7],
      title: lines.join("\n"),
      color: { color: faded ? "#f5d9c8" : C.suggestion, opacity: 1, highlight: C.suggestion, hover: C.suggestion }
    };
  }

  // --- view -------------------------------------------------------------------------
  function computeView() {
    var visible = [];
    for (var i = 0; i < actors.length; i++) {
      var a = actors[i];
      if (state.scope >= 0 && a.group !== state.scope) continue;
      if (passes(a)) visible.push(a);
    }
    var overview = D.large && !state.showAll && state.scope < 0 && visible.length > D.overview_limit;
    return { overview: overview, actors: visible };
  }

  function neighbourhood(i) {
    var set = new Set([i]);
    partners[i].forEach(function (p) { set.add(p[0]); });
    if (state.layers.meetings) meetingPartners[i].forEach(function (p) { set.add(p[0]); });
    if (state.layers.suggestions) suggestionsOf[i].forEach(function (p) { set.add(p[0]); });
    return set;
  }

  function sync(ds, items) {
    var want = new Set(items.map(function (o) { return o.id; }));
    var remove = ds.getIds().filter(function (id) { return !want.has(id); });
    if (remove.length) ds.remove(remove);
    if (items.length) ds.update(items);
  }

  function render(opts) {
    opts = opts || {};
    var view = computeView();
    var before = state.view;
    state.view = view;
    var nodeItems = [], edgeItems = [];
    if (view.overview) {
      state.selected = null;
      var counts = D.groups.map(function () { return 0; });
      var shown = new Uint8Array(actors.length);
      view.actors.forEach(function (a) { counts[a.group] += 1; shown[a.i] = 1; });
      var maxR = Math.max.apply(null, D.groups.map(function (g) { return g[3]; }).concat([1]));
      D.groups.forEach(function (g, k) {
        if (!counts[k]) return;
        nodeItems.push({
          id: "w" + k, x: g[1], y: g[2], shape: "dot", size: Math.max(g[3] * 0.55, maxR * 0.12),
          label: g[0] + "\n" + count("group_actors", counts[k]),
          title: g[0] + "\n" + count("group_actors", counts[k]),
          color: { background: "#e8eef7", border: "#4a6fa5", highlight: { background: "#d3def0", border: "#1f4e8c" },
            hover: { background: "#d3def0", border: "#1f4e8c" } },
          borderWidth: 4, font: { size: Math.round(maxR * 0.16), color: "#1a1a1a", strokeWidth: 6 }
        });
      });
      var pairs = new Map();
      D.edges.forEach(function (e) {
        if (!shown[e[0]] || !shown[e[1]]) return;
        var ga = actors[e[0]].group, gb = actors[e[1]].group;
        if (ga === gb) return;
        var key = ga < gb ? ga + ":" + gb : gb + ":" + ga;
        pairs.set(key, (pairs.get(key) || 0) + 1);
      });
      var maxPair = 1;
      pairs.forEach(function (v) { maxPair = Math.max(maxPair, v); });
      Array.from(pairs.keys()).sort().forEach(function (key) {
        var parts = key.split(":"), n = pairs.get(key);
        edgeItems.push({
          id: "ww" + key, from: "w" + parts[0], to: "w" + parts[1],
          width: 1 + 14 * Math.log(1 + n) / Math.log(1 + maxPair),
          title: D.groups[+parts[0]][0] + " — " + D.groups[+parts[1]][0] + "\n" + count("group_ties", n),
          color: { color: "#8fa6c7", opacity: 0.7, highlight: "#1f4e8c", hover: "#1f4e8c" }
        });
      });
    } else {
      var inView = new Uint8Array(actors.length);
      view.actors.forEach(function (a) { inView[a.i] = 1; });
      if (state.selected !== null && !inView[state.selected]) state.selected = null;
      var sel = state.selected;
      // state.highlight (a Set of actor indices, presentation mode) fades everyone else
      var hood = sel === null ? (state.highlight || null) : neighbourhood(sel);
      view.actors.forEach(function (a) {
        nodeItems.push(actorNode(a, hood !== null && !hood.has(a.i), a.i === sel));
      });
      D.edges.forEach(function (e, k) {
        if (!inView[e[0]] || !inView[e[1]]) return;
        var touches = sel !== null && (e[0] === sel || e[1] === sel);
        edgeItems.push(declaredEdge(k, sel !== null && !touches, touches));
      });
      if (state.layers.meetings) {
        D.meeting_edges.forEach(function (e, k) {
          if (!inView[e[0]] || !inView[e[1]]) return;
          var touches = sel !== null && (e[0] === sel || e[1] === sel);
          edgeItems.push(meetingEdge(k, sel !== null && !touches, touches));
        });
      }
      if (state.layers.suggestions) {
        D.suggestions.forEach(function (s, k) {
          if (!inView[s[0]] || !inView[s[1]]) return;
          var touches = sel !== null && (s[0] === sel || s[1] === sel);
          edgeItems.push(suggestionEdge(k, sel !== null && !touches));
        });
      }
      if (state.layers.ghosts && state.scope < 0 && !filtersActive()) {
        nodeItems = nodeItems.concat(ghostNodes());
      }
    }
    // corrections.js (edit mode) adds its new parties and ties, marks ended ties
    if (window.wijkgraphExtra) window.wijkgraphExtra(nodeItems, edgeItems);
    // Drop unwanted edges first so that no edge points at a removed node.
    var wanted = new Set(edgeItems.map(function (o) { return o.id; }));
    var stale = edges.getIds().filter(function (id) { return !wanted.has(id); });
    if (stale.length) edges.remove(stale);
    sync(nodes, nodeItems);
    sync(edges, edgeItems);
    var changed = before.overview !== view.overview || before.actors.length !== view.actors.length ||
      opts.fit;
    if (changed) fit();
    if (state.selected !== null) network.selectNodes([state.selected], false);
    else network.unselectAll();
    updateCrumbs();
    updateStatus();
    renderList();
    renderPanel();
  }

  function updateCrumbs() {
    var crumbs = document.getElementById("crumbs");
    if (state.scope >= 0) {
      crumbs.hidden = false;
      document.getElementById("scope-name").textContent = D.groups[state.scope][0];
    } else {
      crumbs.hidden = true;
    }
  }
  function updateStatus() {
    var text = fmt("shown", { n: num(state.view.actors.length), total: num(actors.length) });
    if (state.view.overview) text += " · " + S.overview_note;
    document.getElementById("status").textContent = text;
  }

  // --- selection and panel ------------------------------------------------------------
  function select(i) {
    state.ghost = null;
    state.selected = i;
    render();
  }
  function focusActor(i) {
    var a = actors[i];
    if (!passes(a)) clearFilters();
    if (D.large && !state.showAll) {
      var v = computeView();
      var visibleNow = v.actors.indexOf(a) >= 0 && !v.overview;
      if (!visibleNow) state.scope = a.group;
    }
    state.ghost = null;
    state.selected = i;
    render();
    network.focus(i, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  }

  function addRow(dl, label, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", label));
    dl.appendChild(el("dd", Array.isArray(value) ? value.join(", ") : value));
  }
  function closeButton() {
    var b = el("button", "×", "close");
    b.type = "button";
    b.setAttribute("aria-label", S.close);
    b.title = S.close;
    b.addEventListener("click", function () { state.selected = null; state.ghost = null; render(); });
    return b;
  }
  function renderPanel() {
    var panel = document.getElementById("panel");
    panel.replaceChildren();
    if (state.ghost !== null) {
      var g = D.ghosts[state.ghost];
      panel.appendChild(closeButton());
      panel.appendChild(el("h2", g[0]));
      var dlg = el("dl");
      addRow(dlg, S.f_status, g[3] || S.ghost);
      addRow(dlg, S.f_role, g[7]);
      addRow(dlg, S.f_domain, D.domains[g[1]][2]);
      addRow(dlg, S.f_wijk, g[2]);
      addRow(dlg, S.f_reason, g[4]);
      panel.appendChild(dlg);
      return;
    }
    if (state.selected === null) {
      panel.appendChild(el("p", S.panel_empty, "empty"));
      return;
    }
    var a = actors[state.selected];
    panel.appendChild(closeButton());
    var h = el("h2");
    var dot = el("span", null, "dot");
    dot.style.background = domainColour(a.domain);
    h.appendChild(dot);
    h.appendChild(document.createTextNode(a.name));
    panel.appendChild(h);
    var dl = el("dl");
    addRow(dl, S.f_type, typeName(a));
    addRow(dl, S.f_domain, domainName(a));
    addRow(dl, S.f_role, a.role);
    addRow(dl, S.f_wijk, a.wijk.map(function (w) { return D.wijken[w]; }));
    addRow(dl, S.f_themes, a.themes.map(function (t) { return D.themes[t]; }));
    addRow(dl, S.f_meetings, a.meetings.map(function (m) { return D.meetings[m][1]; }));
    if (a.rank) addRow(dl, S.f_score, dec(a.score) + "  (" + S.f_rank + " " + a.rank + " / " + actors.length + ")");
    addRow(dl, S.f_description, a.description);
    panel.appendChild(dl);
    if (a.why) {
      panel.appendChild(el("h3", S.f_why));
      panel.appendChild(el("p", a.why, "why"));
    }
    var list = partners[a.i].slice().sort(function (p, q) {
      return D.edges[q[1]][2] - D.edges[p[1]][2] || actors[p[0]].name.localeCompare(actors[q[0]].name);
    });
    panel.appendChild(el("h3", S.f_partners + " (" + list.length + ")"));
    var ul = el("ul", null, "partners");
    list.forEach(function (p) {
      var li = el("li");
      var b = el("button", actors[p[0]].name);
      b.type = "button";
      b.addEventListener("click", function () { focusActor(p[0]); });
      li.appendChild(b);
      var e = D.edges[p[1]];
      li.appendChild(el("span", " " + D.edge_labels[e[3]] + " · " + strengthText(e[2]), "tie"));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    var sugg = suggestionsOf[a.i];
    if (sugg.length) {
      panel.appendChild(el("h3", S.f_suggestions + " (" + sugg.length + ")"));
      var us = el("ul", null, "partners");
      sugg.forEach(function (p) {
        var li = el("li");
        var b = el("button", actors[p[0]].name);
        b.type = "button";
        b.addEventListener("click", function () { focusActor(p[0]); });
        li.appendChild(b);
        var s = D.suggestions[p[1]];
        if (s[4]) li.appendChild(el("span", " " + s[4], "tie"));
        us.appendChild(li);
      });
      panel.appendChild(us);
    }
  }

  network.on("click", function (params) {
    var id = params.nodes && params.nodes.length ? params.nodes[0] : null;
    if (id === null) {
      // Click on empty canvas (also as the very first click): clear the highlight.
      if (state.selected !== null || state.ghost !== null) {
        state.selected = null; state.ghost = null; render();
      }
      return;
    }
    if (typeof id === "number") { select(id); return; }
    if (id.charAt(0) === "g") { state.selected = null; state.ghost = +id.slice(1); render(); return; }
    if (id.charAt(0) === "w") { state.scope = +id.slice(1); state.selected = null; render({ fit: true }); }
  });

  // --- list ("wie is wie") ------------------------------------------------------------
  var LIST_MAX = 300;
  function renderList() {
    var body = document.querySelector("#list tbody");
    var text = fold(state.listText.trim());
    var rows = state.view.actors.filter(function (a) {
      return !text || a.key.indexOf(text) >= 0 || fold(domainName(a)).indexOf(text) >= 0 ||
        fold(a.role).indexOf(text) >= 0;
    });
    var key = state.sort.key, dir = state.sort.dir;
    var value = D.is_score ? function (a) { return a.score; } : function (a) { return a.degree; };
    rows.sort(function (p, q) {
      var c = 0;
      if (key === "name") c = p.name.localeCompare(q.name);
      else if (key === "domain") c = domainName(p).localeCompare(domainName(q));
      else c = value(p) - value(q);
      return c * dir || p.name.localeCompare(q.name);
    });
    var frag = document.createDocumentFragment();
    rows.slice(0, LIST_MAX).forEach(function (a) {
      var tr = el("tr");
      tr.dataset.index = String(a.i);
      if (a.i === state.selected) tr.className = "selected";
      var td = el("td");
      var dot = el("span", null, "dot");
      dot.style.background = domainColour(a.domain);
      td.appendChild(dot);
      td.appendChild(document.createTextNode(a.name));
      tr.appendChild(td);
      tr.appendChild(el("td", domainName(a)));
      tr.appendChild(el("td", D.is_score ? dec(a.score) : a.degree, "num"));
      frag.appendChild(tr);
    });
    body.replaceChildren(frag);
    var more = document.getElementById("list-more");
    if (rows.length > LIST_MAX) {
      more.hidden = false;
      more.textContent = fmt("list_more", { n: num(rows.length - LIST_MAX) });
    } else {
      more.hidden = true;
    }
    document.querySelectorAll("#list th button").forEach(function (b) {
      if (b.dataset.sort === key) b.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
      else b.removeAttribute("aria-sort");
    });
    fitList();
  }
  /* Words in the list wrap only between words, so its columns are as wide as their
     longest words; when the three do not fit the panel side by side, each domain goes
     under its name ("stacked", map.css) instead of the table scrolling sideways. */
  function fitList() {
    var wrap = document.querySelector(".table-wrap"), table = document.getElementById("list");
    wrap.classList.remove("stacked");
    if (wrap.clientWidth > 0 && table.offsetWidth > wrap.clientWidth + 1) wrap.classList.add("stacked");
  }
  var listFrame = 0;
  window.addEventListener("resize", function () {
    cancelAnimationFrame(listFrame);
    listFrame = requestAnimationFrame(fitList);
  });
  document.querySelector("#list tbody").addEventListener("click", function (ev) {
    var tr = ev.target.closest("tr");
    if (tr && tr.dataset.index) focusActor(+tr.dataset.index);
  });
  document.querySelectorAll("#list th button").forEach(function (b) {
    b.addEventListener("click", function () {
      var k = b.dataset.sort;
      if (state.sort.key === k) state.sort.dir = -state.sort.dir;
      else state.sort = { key: k, dir: k === "score" ? -1 : 1 };
      renderList();
    });
  });
  document.getElementById("list-filter").addEventListener("input", function (ev) {
    state.listText = ev.target.value;
    renderList();
  });

  // --- search -----------------------------------------------------------------------
  var search = document.getElementById("search");
  var sugg = document.getElementById("suggestions");
  var matches = [], active = -1;
  function findActors(q) {
    var key = fold(q.trim());
    if (!key) return [];
    var out = [];
    for (var i = 0; i < actors.length; i++) {
      var pos = actors[i].key.indexOf(key);
      if (pos >= 0) out.push([pos === 0 ? 0 : 1, -actors[i].score, actors[i].name, i]);
    }
    out.sort(function (p, q) { return p[0] - q[0] || p[1] - q[1] || p[2].localeCompare(q[2]); });
    return out.slice(0, 12).map(function (r) { return r[3]; });
  }
  function showSuggestions() {
    matches = findActors(search.value);
    active = matches.length ? 0 : -1;
    sugg.replaceChildren();
    if (!search.value.trim()) { sugg.hidden = true; return; }
    if (!matches.length) {
      sugg.appendChild(el("li", S.no_match, "none"));
    }
    matches.forEach(function (i, k) {
      var a = actors[i];
      var li = el("li");
      li.setAttribute("role", "option");
      li.dataset.index = String(i);
      li.setAttribute("aria-selected", k === active ? "true" : "false");
      var dot = el("span", null, "dot");
      dot.style.background = domainColour(a.domain);
      li.appendChild(dot);
      li.appendChild(el("span", a.name, "name"));
      li.appendChild(el("span", domainName(a) + (a.wijk.length ? " · " + D.wijken[a.wijk[0]] : ""), "sub"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
      sugg.appendChild(li);
    });
    sugg.hidden = false;
  }
  function pick(i) {
    sugg.hidden = true;
    search.value = actors[i].name;
    focusActor(i);
  }
  search.addEventListener("input", showSuggestions);
  search.addEventListener("focus", function () { if (search.value.trim()) showSuggestions(); });
  search.addEventListener("blur", function () { sugg.hidden = true; });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!matches.length) return;
      ev.preventDefault();
      active = (active + (ev.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      Array.prototype.forEach.call(sugg.children, function (li, k) {
        li.setAttribute("aria-selected", k === active ? "true" : "false");
      });
    } else if (ev.key === "Enter") {
      if (matches.length) { ev.preventDefault(); pick(matches[Math.max(active, 0)]); }
    } else if (ev.key === "Escape") {
      sugg.hidden = true;
    }
  });

  // --- filters and layers ---------------------------------------------------------------
  function updateFacetCounts() {
    document.querySelectorAll("details.facet").forEach(function (d) {
      var n = state.filters[d.dataset.facet].size;
      d.querySelector(".active-count").textContent = n ? "(" + n + ")" : "";
    });
  }
  function clearFilters() {
    FACETS.forEach(function (f) { state.filters[f].clear(); });
    document.querySelectorAll("#filters input[type=checkbox]").forEach(function (c) { c.checked = false; });
    updateFacetCounts();
  }
  document.querySelectorAll("#filters input[type=checkbox]").forEach(function (c) {
    c.addEventListener("change", function () {
      var set = state.filters[c.dataset.facet];
      if (c.checked) set.add(+c.value); else set.delete(+c.value);
      updateFacetCounts();
      render({ fit: true });
    });
  });
  document.getElementById("clear-filters").addEventListener("click", function () {
    clearFilters();
    render({ fit: true });
  });
  function layerToggle(id, key) {
    var box = document.getElementById(id);
    if (!box) return;
    box.checked = state.layers[key];
    box.addEventListener("change", function () {
      state.layers[key] = box.checked;
      render(key === "ghosts" ? { fit: true } : undefined);  // ghosts sit outside the view: re-fit
    });
  }
  layerToggle("layer-meetings", "meetings");
  layerToggle("layer-suggestions", "suggestions");
  layerToggle("layer-ghosts", "ghosts");
  var showAll = document.getElementById("show-all");
  if (showAll) {
    showAll.addEventListener("change", function () {
      state.showAll = showAll.checked; state.scope = -1; render({ fit: true });
    });
  }
  document.getElementById("back").addEventListener("click", function () {
    state.scope = -1; state.selected = null; render({ fit: true });
  });

  // --- buttons ----------------------------------------------------------------------
  function reset() {
    clearFilters();
    state.scope = -1; state.selected = null; state.ghost = null; state.showAll = false;
    if (showAll) showAll.checked = false;
    search.value = ""; sugg.hidden = true;
    state.listText = ""; document.getElementById("list-filter").value = "";
    render({ fit: true });
  }
  document.getElementById("reset").addEventListener("click", reset);
  document.getElementById("fullscreen").addEventListener("click", function () {
    var app = document.getElementById("app");
    if (document.fullscreenElement) document.exitFullscreen();
    else if (app.requestFullscreen) app.requestFullscreen();
  });
  document.addEventListener("fullscreenchange", function () {
    setTimeout(function () { network.redraw(); fit(); }, 50);
  });
  document.getElementById("print").addEventListener("click", function () { window.print(); });
  // PNG and SVG exports: map_export.js

  // --- start ------------------------------------------------------------------------
  network.once("afterDrawing", function () {
    window.wijkgraphReadyAt = performance.now();
    document.documentElement.setAttribute("data-ready", "1");
  });
  render({ fit: true });

  // A small read-only handle for tests and for people poking around in the console.
  window.wijkgraph = {
    network: network, nodes: nodes, edges: edges, state: state, actors: actors,
    focusActor: focusActor, render: render, data: D, fit: fit,
    shownActorIds: function () {
      return nodes.getIds().filter(function (id) { return typeof id === "number"; })
        .map(function (i) { return actors[i].id; });
    },
    domPosition: function (id) {
      return network.canvasToDOM(network.getPosition(id));
    }
  };
})();
