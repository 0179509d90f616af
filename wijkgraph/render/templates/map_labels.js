/* wijkgraph map: labels that do not collide, and the presentation mode.
   Labels keep a constant size on screen; the most important actors (rank, then size) are
   placed first and a label that would overlap one already placed is left out, so labels
   appear as you zoom in. Runs after map.js (uses window.wijkgraph). */
(function () {
  "use strict";
  var W = window.wijkgraph, network = W.network, nodes = W.nodes, actors = W.actors, D = W.data;
  var S = D.strings;
  var app = document.getElementById("app");
  var container = document.getElementById("network");
  var FACE = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
  var KEY_FIGURES = 5;          // labels always drawn
  var measure = document.createElement("canvas").getContext("2d");
  var widths = new Map();
  var busy = false, pending = false;

  // priority: rank 1.. first, then size, then name
  var order = actors.slice().sort(function (p, q) {
    var rp = p.rank || 1e9, rq = q.rank || 1e9;
    return rp - rq || q.size - p.size || (p.name < q.name ? -1 : p.name > q.name ? 1 : 0);
  });
  var priority = new Map();
  order.forEach(function (a, k) { priority.set(a.i, k); });

  function presenting() { return app.classList.contains("presenting"); }
  /* the label's size on screen (px) */
  function screenPx(a) {
    var k = priority.get(a.i);
    var px = 12 + Math.min(a.size - 10, 32) * 0.2;
    if (k < KEY_FIGURES) px += 2;
    if (presenting()) px = Math.max(px * 1.4, k < KEY_FIGURES ? 20 : 16);
    return Math.round(px * 10) / 10;
  }
  function textWidth(text, px) {
    var key = px + "|" + text;
    if (!widths.has(key)) {
      measure.font = px + "px " + FACE;
      widths.set(key, Math.max.apply(null, String(text).split("\n").map(function (l) {
        return measure.measureText(l).width; })));
    }
    return widths.get(key);
  }

  function place() {
    pending = false;
    if (W.state.view.overview) return;
    var scale = network.getScale();
    var cell = 120, grid = new Map(), placed = [];
    function cellsOf(b) {
      var out = [];
      for (var gx = Math.floor(b[0] / cell); gx <= Math.floor(b[2] / cell); gx++)
        for (var gy = Math.floor(b[1] / cell); gy <= Math.floor(b[3] / cell); gy++) out.push(gx + ":" + gy);
      return out;
    }
    function collides(b) {
      return cellsOf(b).some(function (c) {
        return (grid.get(c) || []).some(function (q) {
          return b[0] < q[2] && q[0] < b[2] && b[1] < q[3] && q[1] < b[3];
        });
      });
    }
    function keep(b) {
      cellsOf(b).forEach(function (c) { if (!grid.has(c)) grid.set(c, []); grid.get(c).push(b); });
      placed.push(b);
    }
    var shown = new Set(nodes.getIds().filter(function (id) { return typeof id === "number"; }));
    // the actors' own shapes: other labels keep off them (key figures' labels are always drawn)
    var shapes = [];
    shown.forEach(function (i) {
      var a = actors[i], q = network.canvasToDOM({ x: a.x, y: a.y }), rr = a.size * scale * 1.1;
      shapes.push([q.x - rr, q.y - rr, q.x + rr, q.y + rr, i]);
    });
    function onShape(b, self) {
      return shapes.some(function (q) {
        return q[4] !== self && b[0] < q[2] && q[0] < b[2] && b[1] < q[3] && q[1] < b[3];
      });
    }
    var updates = [];
    // the actors of the finding shown (presentation) come first and always keep their label
    var hl = W.state.highlight;
    var seq = hl ? order.filter(function (a) { return hl.has(a.i); })
      .concat(order.filter(function (a) { return !hl.has(a.i); })) : order;
    seq.forEach(function (a) {
      if (!shown.has(a.i)) return;
      var item = nodes.get(a.i);
      var px = screenPx(a);
      var w = textWidth(a.name, px) + 8, h = px * 1.25 * String(a.name).split("\n").length + 4;
      var p = network.canvasToDOM({ x: a.x, y: a.y });
      var r = (item.size || a.size) * scale;
      // below the actor (vis-network's place), else above it, else a little further down
      // or up (font.vadjust): the first place off the other labels and the other actors
      var below = [p.x - w / 2, p.y + r + 1, p.x + w / 2, p.y + r + 1 + h];
      var above = [p.x - w / 2, p.y - r - 3 - h, p.x + w / 2, p.y - r - 3];
      var step = h * 0.6;
      var places = [below, above, [below[0], below[1] + step, below[2], below[3] + step],
        [above[0], above[1] - step, above[2], above[3] - step]];
      var always = hl ? hl.has(a.i) : priority.get(a.i) < KEY_FIGURES;
      function free(b) { return !collides(b) && !onShape(b, a.i); }
      var box = places.filter(free)[0] || null;
      // a key figure's name is always drawn: off the other labels at least
      if (!box && always) box = !collides(below) ? below : !collides(above) ? above : null;
      if (box) keep(box);
      var label = box ? a.name : "";
      var vadjust = box ? (box[1] - below[1]) / scale : 0;
      var size = px / scale;
      var font = item.font || {};
      if (item.label !== label || Math.abs((font.size || 0) - size) > 1e-6 ||
          Math.abs((font.vadjust || 0) - vadjust) > 1e-6) {
        updates.push({ id: a.i, label: label,
          font: { color: font.color, bold: font.bold, size: size, face: FACE, vadjust: vadjust,
                  strokeWidth: 4 / scale * (presenting() ? 1.2 : 1), strokeColor: "#ffffff" } });
      }
    });
    if (updates.length) {
      busy = true;
      try { nodes.update(updates); } finally { busy = false; }
    }
    W.labelsPlaced = placed.length;
  }
  function schedule() {
    if (busy || pending) return;
    pending = true;
    setTimeout(place, 0);
  }
  nodes.on("*", schedule);
  network.on("zoom", schedule);
  network.on("resize", schedule);
  W.placeLabels = place;

  // --- presentation mode ----------------------------------------------------------------
  var findings = D.findings || [];
  var step = -1;
  var caption = document.getElementById("finding");
  function showFinding(k) {
    step = k;
    if (k < 0 || !findings.length) {
      W.state.highlight = null;
      caption.hidden = true;
    } else {
      var f = findings[k];
      W.state.highlight = f[2].length ? new Set(f[2]) : null;
      caption.hidden = false;
      caption.querySelector(".count").textContent =
        S.finding_of.replace("{i}", String(k + 1)).replace("{n}", String(findings.length));
      caption.querySelector(".head").textContent = f[0];
      caption.querySelector(".text").textContent = f[1];
    }
    W.state.selected = null;
    W.render();
  }
  function refit() {
    setTimeout(function () {
      network.redraw(); W.fit();
      var legend = document.getElementById("legend");
      if (presenting() && legend) {
        // leave the compact legend's strip free: shrink a little and move right
        var room = legend.getBoundingClientRect().width + 24;
        var width = container.clientWidth, scale = network.getScale();
        var factor = Math.max(0.6, (width - room) / width);
        var centre = network.getViewPosition();
        network.moveTo({ scale: scale * factor, animation: false,
          position: { x: centre.x - room / 2 / (scale * factor), y: centre.y } });
      }
      place();
    }, 60);
  }
  function setPresenting(on) {
    app.classList.toggle("presenting", on);
    document.getElementById("present").setAttribute("aria-pressed", on ? "true" : "false");
    if (!on) showFinding(-1);
    else if (findings.length) showFinding(0);
    refit();
  }
  W.present = setPresenting;
  W.finding = function () { return step; };
  document.getElementById("present").addEventListener("click", function () { setPresenting(!presenting()); });
  document.getElementById("present-leave").addEventListener("click", function () { setPresenting(false); });
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
    if (ev.key === "p" || ev.key === "P") { ev.preventDefault(); setPresenting(!presenting()); return; }
    if (!presenting()) return;
    if (ev.key === "Escape") { ev.preventDefault(); setPresenting(false); }
    else if (ev.key === "f" || ev.key === "F") {
      ev.preventDefault();
      if (document.fullscreenElement) document.exitFullscreen();
      else if (app.requestFullscreen) app.requestFullscreen().catch(function () {});
    } else if ((ev.key === "ArrowRight" || ev.key === "ArrowDown" || ev.key === " ") && findings.length) {
      ev.preventDefault(); showFinding(Math.min(step + 1, findings.length - 1));
    } else if ((ev.key === "ArrowLeft" || ev.key === "ArrowUp") && findings.length) {
      ev.preventDefault(); showFinding(Math.max(step - 1, 0));
    }
  });
  document.addEventListener("fullscreenchange", function () {
    if (!document.fullscreenElement && presenting()) refit();
  });
  place();
})();
