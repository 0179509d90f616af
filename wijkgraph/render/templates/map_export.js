/* wijkgraph map: exports that stand on their own. PNG at 2x the screen and SVG of the current
   view, both with title, date, legend and a source line; print of the map on one A4 page
   (map.css). Data becomes SVG text nodes (textContent: escaped by XMLSerializer), never
   markup. Runs after map.js (uses window.wijkgraph). */
(function () {
  "use strict";
  var W = window.wijkgraph, network = W.network, D = W.data, S = D.strings;
  var NS = "http://www.w3.org/2000/svg";
  var FACE = "system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
  var HEAD = 64, FOOT = 30, LEGEND_W = 340, SCALE = 2;
  var measure = document.createElement("canvas").getContext("2d");

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }
  function slug(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "map";
  }
  function fileName(ext) {
    return slug(S.file_stem) + "-" + slug(D.area || D.title) + "-" + today() + "." + ext;
  }
  function sourceLine() { return S.source_line.replace("{title}", D.title).replace("{date}", today()); }
  function subtitle() {
    var sub = document.getElementById("subtitle");
    return (sub ? sub.textContent + " · " : "") + today();
  }
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  /* The legend of the page (#legend, already in the page's language) as an SVG group. */
  function wrap(text, px, bold, width) {
    measure.font = (bold ? "700 " : "") + px + "px " + FACE;
    var out = [], cur = "";
    String(text).split(" ").forEach(function (word) {
      var next = cur ? cur + " " + word : word;
      if (cur && measure.measureText(next).width > width) { out.push(cur); cur = word; } else cur = next;
    });
    if (cur) out.push(cur);
    return out;
  }
  function legendGroup(x, y, width) {
    var g = svgEl("g", { "class": "legend", transform: "translate(" + x + "," + y + ")" });
    var cy = 0, strings = [];
    function line(text, opts) {
      opts = opts || {};
      var px = opts.px || 13;
      cy += px + 6;
      var tx = opts.icon ? 28 : 0;
      if (opts.icon) {
        var icon = opts.icon.cloneNode(true);
        var vb = (icon.getAttribute("viewBox") || "0 0 20 20").split(/\s+/).map(Number);
        var iw = Math.min(40, 16 * vb[2] / vb[3]);
        icon.setAttribute("x", "0"); icon.setAttribute("y", String(cy - px));
        icon.setAttribute("width", String(iw)); icon.setAttribute("height", "16");
        icon.removeAttribute("class");
        if (iw > 20) tx = iw + 6;
        g.appendChild(icon);
      }
      wrap(text, px, opts.bold, width - tx).forEach(function (part, k) {
        if (k) cy += px + 3;
        g.appendChild(svgEl("text", { x: tx, y: cy, "font-family": FACE, "font-size": px,
          "font-weight": opts.bold ? "700" : "400", fill: opts.muted ? "#555555" : "#1a1a1a" }, part));
      });
      strings.push(text);
    }
    var legend = document.getElementById("legend");
    Array.prototype.forEach.call(legend.children, function (child) {
      var tag = child.tagName;
      if (tag === "H2") line(child.textContent.trim(), { px: 16, bold: true });
      else if (tag === "H3") line(child.textContent.trim(), { bold: true, muted: true });
      else if (tag === "UL") {
        Array.prototype.forEach.call(child.children, function (li) {
          line(li.textContent.replace(/\s+/g, " ").trim(), { icon: li.querySelector("svg") });
        });
      } else if (tag === "P") {
        line(child.textContent.replace(/\s+/g, " ").trim(), { icon: child.querySelector("svg") });
      }
    });
    g.setAttribute("data-height", String(cy + 8));
    W.lastLegendStrings = strings;
    return g;
  }

  function frame(svg, width, height, legendX) {
    svg.appendChild(svgEl("text", { x: 16, y: 30, "font-family": FACE, "font-size": 24, "font-weight": "700", fill: "#1a1a1a" }, D.title));
    svg.appendChild(svgEl("text", { x: 16, y: 52, "font-family": FACE, "font-size": 14, fill: "#555555" }, subtitle()));
    svg.appendChild(svgEl("text", { x: 16, y: height - 10, "font-family": FACE, "font-size": 12, fill: "#555555" }, sourceLine()));
    svg.appendChild(legendGroup(legendX, HEAD, LEGEND_W - 24));
  }

  function polygonPoints(shape, x, y, r) {
    var pts = [];
    function ring(n, start, rad) {
      for (var k = 0; k < n; k++) {
        var a = start + 2 * Math.PI * k / n;
        pts.push([x + rad(k) * Math.cos(a), y + rad(k) * Math.sin(a)]);
      }
    }
    if (shape === "diamond") ring(4, -Math.PI / 2, function () { return r * 1.2; });
    else if (shape === "triangle") ring(3, -Math.PI / 2, function () { return r * 1.2; });
    else if (shape === "triangleDown") ring(3, Math.PI / 2, function () { return r * 1.2; });
    else if (shape === "hexagon") ring(6, 0, function () { return r; });
    else if (shape === "star") ring(10, -Math.PI / 2, function (k) { return k % 2 ? r * 0.5 : r * 1.2; });
    return pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" ");
  }
  function colourOf(c, fallback) {
    if (!c) return fallback;
    if (typeof c === "string") return c;
    return c.color || c.background || fallback;
  }

  /* SVG of the current view: edges, nodes, drawn labels, legend, title, date, source. */
  function buildSvg() {
    var box = document.getElementById("network").getBoundingClientRect();
    var mw = Math.round(box.width), mh = Math.round(box.height);
    var width = mw + LEGEND_W, height = HEAD + mh + FOOT;
    var svg = svgEl("svg", { xmlns: NS, width: width, height: height, viewBox: "0 0 " + width + " " + height });
    svg.appendChild(svgEl("rect", { x: 0, y: 0, width: width, height: height, fill: "#ffffff" }));
    // a nested <svg> clips what lies outside the view
    var map = svgEl("svg", { "class": "map", x: 0, y: HEAD, width: mw, height: mh, overflow: "hidden" });
    map.appendChild(svgEl("rect", { x: 0, y: 0, width: mw, height: mh, fill: "#ffffff", stroke: "#cccccc" }));
    var scale = network.getScale();
    var ids = W.nodes.getIds();
    var pos = network.getPositions(ids);
    var dom = {};
    ids.forEach(function (id) { dom[id] = network.canvasToDOM(pos[id]); });
    W.edges.get().forEach(function (e) {
      var a = dom[e.from], b = dom[e.to];
      if (!a || !b) return;
      var attrs = { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
        stroke: colourOf(e.color, "#888888"), "stroke-width": ((e.width || 1) * scale).toFixed(2),
        "stroke-opacity": e.color && e.color.opacity !== undefined ? e.color.opacity : 1 };
      if (Array.isArray(e.dashes)) attrs["stroke-dasharray"] = e.dashes.map(function (d) { return d * scale; }).join(" ");
      map.appendChild(svgEl("line", attrs));
    });
    var labels = svgEl("g", { "class": "labels" });
    W.nodes.get().forEach(function (n) {
      var p = dom[n.id];
      if (!p) return;
      var r = (n.size || 10) * scale, fill = colourOf(n.color, "#bbbbbb");
      var stroke = n.color && n.color.border ? n.color.border : "#444444";
      var common = { fill: fill, stroke: stroke, "stroke-width": ((n.borderWidth || 1.5) * scale).toFixed(2) };
      if (n.shapeProperties && n.shapeProperties.borderDashes) common["stroke-dasharray"] = "4 3";
      var shape = n.shape || "dot", node;
      if (shape === "dot") node = svgEl("circle", Object.assign({ cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1) }, common));
      else if (shape === "square") node = svgEl("rect", Object.assign({ x: (p.x - r).toFixed(1), y: (p.y - r).toFixed(1), width: (2 * r).toFixed(1), height: (2 * r).toFixed(1) }, common));
      else node = svgEl("polygon", Object.assign({ points: polygonPoints(shape, p.x, p.y, r) }, common));
      map.appendChild(node);
      if (n.label) {
        var px = (n.font && n.font.size ? n.font.size : 14) * scale;
        var lines = String(n.label).split("\n");
        var shift = (n.font && n.font.vadjust ? n.font.vadjust : 0) * scale;  // label above
        lines.forEach(function (l, k) {
          labels.appendChild(svgEl("text", { x: p.x.toFixed(1), y: (p.y + r + shift + px * (k + 1)).toFixed(1),
            "text-anchor": "middle", "font-family": FACE, "font-size": px.toFixed(1),
            fill: (n.font && n.font.color) || "#1a1a1a", stroke: "#ffffff", "stroke-width": (px / 4).toFixed(1),
            "paint-order": "stroke" }, l));
        });
      }
    });
    map.appendChild(labels);
    svg.appendChild(map);
    frame(svg, width, height, mw + 16);
    return svg;
  }
  function svgText(svg) {
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(svg);
  }

  function download(blob, name) {
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url; link.download = name;
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 5000);
  }

  /* The map drawn at `factor` times the screen, as a canvas of the map area only. */
  function mapBitmap(factor) {
    var cv = network.canvas, el = cv.frame.canvas, saved = cv.pixelRatio;
    var cw = el.clientWidth, ch = el.clientHeight;
    var out = document.createElement("canvas");
    out.width = Math.round(cw * factor); out.height = Math.round(ch * factor);
    try {
      cv.pixelRatio = factor;
      el.width = out.width; el.height = out.height;
      network.renderer._redraw();
      out.getContext("2d").drawImage(el, 0, 0);
    } finally {
      cv.pixelRatio = saved;
      el.width = Math.round(cw * saved); el.height = Math.round(ch * saved);
      network.renderer._redraw();
    }
    return out;
  }

  /* PNG at `factor` x the screen: title, date, map, legend, source line. Resolves a Blob. */
  function buildPng(factor) {
    factor = factor || SCALE;
    var svg = buildSvg();
    var width = +svg.getAttribute("width"), height = +svg.getAttribute("height");
    var map = svg.querySelector(".map");
    map.parentNode.removeChild(map);  // the map itself is vis-network's own drawing
    var bitmap = mapBitmap(factor);
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        var out = document.createElement("canvas");
        out.width = Math.round(width * factor); out.height = Math.round(height * factor);
        var ctx = out.getContext("2d");
        ctx.drawImage(img, 0, 0, out.width, out.height);
        ctx.drawImage(bitmap, 0, Math.round(HEAD * factor));
        ctx.strokeStyle = "#cccccc"; ctx.lineWidth = factor;
        ctx.strokeRect(0, HEAD * factor, bitmap.width, bitmap.height);
        out.toBlob(function (blob) { resolve({ blob: blob, width: out.width, height: out.height,
          legendX: bitmap.width, name: fileName("png") }); }, "image/png");
      };
      img.onerror = reject;
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(svgText(svg));
    });
  }

  document.getElementById("png").addEventListener("click", function () {
    buildPng(SCALE).then(function (r) { download(r.blob, r.name); });
  });
  document.getElementById("svg").addEventListener("click", function () {
    download(new Blob([svgText(buildSvg())], { type: "image/svg+xml" }), fileName("svg"));
  });

  // Print (map.css): the screen's drawing, scaled into the page with object-fit: contain.

  W.exportSvg = function () { return svgText(buildSvg()); };
  W.exportPng = buildPng;
  W.exportName = fileName;
  W.exportLayout = { head: HEAD, foot: FOOT, legend: LEGEND_W, scale: SCALE };
})();
