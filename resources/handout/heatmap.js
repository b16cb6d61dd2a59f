// Drawing one attention map on a canvas: cells in the colour map, padding striped, masks
// hatched, the sentence's end dashed red, expected keys green, the selected cell red.

var patterns = {};

// A small tile of diagonal lines over ``background`` (null: transparent), as a pattern.
function hatch(ctx, name, background, ink, rising) {
  if (patterns[name]) return patterns[name];
  var tile = document.createElement("canvas");
  tile.width = tile.height = 8;
  var t = tile.getContext("2d");
  if (background) {
    t.fillStyle = background;
    t.fillRect(0, 0, 8, 8);
  }
  t.strokeStyle = ink;
  t.lineWidth = 1.5;
  t.beginPath();
  for (var k = -8; k <= 8; k += 8) {
    if (rising) {
      t.moveTo(k, 8);
      t.lineTo(k + 8, 0);
    } else {
      t.moveTo(k, 0);
      t.lineTo(k + 8, 8);
    }
  }
  t.stroke();
  patterns[name] = ctx.createPattern(tile, "repeat");
  return patterns[name];
}

function labelFont(size) {
  return size + "px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
}

// A canvas stays within what every browser draws: past about 16.7 million pixels phones
// show a blank canvas (and desktops past about 268 million), with no error said.
var MAX_CANVAS_PIXELS = 16000000;

// The map's geometry for a box ``width`` CSS pixels wide: label margins and cell size, and
// which labels are written (every n-th, when the cells are smaller than the type).
function layoutMap(ctx, view, width) {
  var size = view.map.labels.length;
  var font = width < 500 ? 12 : 14;
  ctx.font = labelFont(font);
  var left = 0, top = 0;
  view.rowLabels.forEach(function (label) {
    left = Math.max(left, ctx.measureText(label).width);
  });
  view.columnLabels.forEach(function (label) {
    top = Math.max(top, ctx.measureText(label).width);
  });
  left = Math.ceil(left) + 8;
  top = DATA.keys_are === "position" ? font + 8 : Math.ceil(top) + 8;
  var tall = Math.max(480, window.innerHeight || 800) * 0.9 - top - 4;  // fits the screen
  var cell = Math.floor(Math.min(width - left - 4, tall) / size);
  cell = Math.max(18, Math.min(64, cell));
  var margin = Math.max(left, top) + 4;
  if (Math.pow(margin + size * cell, 2) > MAX_CANVAS_PIXELS) {  // a long sentence: small cells
    cell = Math.max(1, Math.floor((Math.sqrt(MAX_CANVAS_PIXELS) - margin) / size));
  }
  var every = Math.max(1, Math.ceil((font + 2) / cell));
  return { font: font, left: left, top: top, cell: cell, size: size, every: every };
}

// Draw ``view`` (see maps.js) on its canvas: ``shown(i, j)`` gives a cell's weight or null.
function drawMap(view) {
  var canvas = view.canvas;
  var ctx = canvas.getContext("2d");
  var width = Math.max(200, view.box.clientWidth || 320);
  var g = layoutMap(ctx, view, width);
  view.geometry = g;
  var w = g.left + g.size * g.cell + 4, h = g.top + g.size * g.cell + 4;
  var ratio = Math.min(2, window.devicePixelRatio || 1);
  ratio = Math.max(1, Math.min(ratio, Math.sqrt(MAX_CANVAS_PIXELS / (w * h))));
  canvas.width = Math.round(w * ratio);
  canvas.height = Math.round(h * ratio);
  canvas.style.width = w + "px";
  canvas.style.height = h + "px";
  canvas.setAttribute("data-left", g.left);
  canvas.setAttribute("data-top", g.top);
  canvas.setAttribute("data-cell", g.cell);
  canvas.setAttribute("data-size", g.size);
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, w, h);
  drawLabels(ctx, view, g);
  var states = view.states, length = view.map.length;
  var numberFont = Math.min(15, Math.floor(g.cell * 0.3));
  for (var i = 0; i < g.size; i++) {
    for (var j = 0; j < g.size; j++) {
      var x = g.left + j * g.cell, y = g.top + i * g.cell;
      var state = states[i * g.size + j];
      if (state === MASKED) {
        ctx.fillStyle = hatch(ctx, "masked", "#9b9b9b", "rgba(0,0,0,0.28)", false);
        ctx.fillRect(x, y, g.cell, g.cell);
        continue;
      }
      if (state === CAUSAL) {
        ctx.fillStyle = hatch(ctx, "causal", "#ededed", "rgba(0,0,0,0.2)", true);
        ctx.fillRect(x, y, g.cell, g.cell);
        continue;
      }
      var value = view.shown(i, j);
      var rgb = value === null ? null : colourOf(value);
      ctx.fillStyle = rgb ? cssColour(rgb) : view.blank(i, j);
      ctx.fillRect(x, y, g.cell, g.cell);
      if (state === PADDING) {
        ctx.fillStyle = hatch(ctx, "padding", null, "rgba(255,255,255,0.45)", false);
        ctx.fillRect(x, y, g.cell, g.cell);
      }
      if (rgb && numberFont >= 8) {
        var text = fixed(value, 2);
        ctx.font = labelFont(numberFont);
        if (ctx.measureText(text).width <= g.cell - 3) {
          ctx.fillStyle = inkOn(rgb);
          ctx.textAlign = "center";
          ctx.textBaseline = "middle";
          ctx.fillText(text, x + g.cell / 2, y + g.cell / 2 + 0.5);
        }
      }
    }
  }
  ctx.strokeStyle = "rgba(0,0,0,0.35)";
  ctx.lineWidth = 1;
  ctx.strokeRect(g.left + 0.5, g.top + 0.5, g.size * g.cell - 1, g.size * g.cell - 1);
  if (length < g.size) {
    var end = length * g.cell;
    ctx.save();
    ctx.strokeStyle = "#e00000";
    ctx.lineWidth = 2;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(g.left + end, g.top);
    ctx.lineTo(g.left + end, g.top + g.size * g.cell);
    ctx.moveTo(g.left, g.top + end);
    ctx.lineTo(g.left + g.size * g.cell, g.top + end);
    ctx.stroke();
    ctx.restore();
  }
  var expected = view.expected();
  if (expected) {
    ctx.strokeStyle = "#00c853";
    ctx.lineWidth = 2.5;
    expected.forEach(function (key, query) {
      if (key < 0 || query >= g.size) return;
      ctx.strokeRect(g.left + key * g.cell + 2, g.top + query * g.cell + 2, g.cell - 4, g.cell - 4);
    });
  }
  if (view.selected) {
    ctx.strokeStyle = "#ff3b30";
    ctx.lineWidth = 3;
    var s = view.selected;
    ctx.strokeRect(g.left + s[1] * g.cell + 1.5, g.top + s[0] * g.cell + 1.5, g.cell - 3, g.cell - 3);
  }
}

function drawLabels(ctx, view, g) {
  ctx.font = labelFont(g.font);
  ctx.fillStyle = "#222";
  ctx.textBaseline = "middle";
  ctx.textAlign = "right";
  view.rowLabels.forEach(function (label, i) {
    if (i % g.every) return;
    ctx.fillStyle = i >= view.map.length ? "#888" : "#222";
    ctx.fillText(label, g.left - 5, g.top + (i + 0.5) * g.cell);
  });
  view.columnLabels.forEach(function (label, j) {
    if (j % g.every) return;
    ctx.fillStyle = j >= view.map.length ? "#888" : "#222";
    var x = g.left + (j + 0.5) * g.cell;
    if (DATA.keys_are === "position") {
      ctx.textAlign = "center";
      ctx.fillText(label, x, g.top - g.font / 2 - 4);
      return;
    }
    ctx.save();
    ctx.translate(x, g.top - 5);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = "left";
    ctx.fillText(label, 0, 0);
    ctx.restore();
  });
}

// Which cell a pointer event is over, or null.
function cellAt(view, event) {
  var g = view.geometry;
  var rect = view.canvas.getBoundingClientRect();
  var scale = rect.width ? parseFloat(view.canvas.style.width) / rect.width : 1;
  var x = (event.clientX - rect.left) * scale - g.left;
  var y = (event.clientY - rect.top) * scale - g.top;
  var i = Math.floor(y / g.cell), j = Math.floor(x / g.cell);
  if (x < 0 || y < 0 || i >= g.size || j >= g.size) return null;
  return [i, j];
}

// The colour bar: 0 to 1 in the colour map, a dashed mark at the uniform weight 1/n.
function colourBar(uniform) {
  var canvas = el("canvas", { className: "colour-bar", width: 512, height: 28 });
  var ctx = canvas.getContext("2d");
  for (var x = 0; x < 512; x++) {
    ctx.fillStyle = cssColour(DATA.colours[Math.floor(x / 2)]);
    ctx.fillRect(x, 0, 1, 28);
  }
  if (uniform !== null && uniform !== undefined) {
    var at = Math.round(uniform * 511) + 0.5;
    ctx.strokeStyle = "#fff";
    ctx.lineWidth = 4;
    ctx.beginPath();
    ctx.moveTo(at, 0);
    ctx.lineTo(at, 28);
    ctx.stroke();
    ctx.strokeStyle = "#000";
    ctx.lineWidth = 2;
    ctx.setLineDash([4, 3]);
    ctx.stroke();
  }
  var ticks = el("div", { className: "ticks" }, [
    el("span", { text: fixed(0, 1) }),
    el("span", { text: fixed(0.5, 1) }),
    el("span", { text: fixed(1, 1) }),
  ]);
  var caption = [say("weight")];
  if (uniform !== null && uniform !== undefined) {
    caption.push(say("uniform_mark", { n: Math.round(1 / uniform) }));
  } else if (DATA.causal) {
    caption.push(say("uniform_causal"));
  }
  return el("div", { className: "bar" }, [
    canvas,
    ticks,
    el("p", { className: "note", text: caption.join(" · ") }),
  ]);
}
