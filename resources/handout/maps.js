// The attention maps: one figure per sentence and map, its readout and its walk-through.

var views = [];

function isolate(text) {
  return "\u2068" + text + "\u2069";
}

function buildAttention(root) {
  var section = el("section", { id: "attention" }, [
    el("h2", { text: say("attention") }),
    el("p", { className: "note", text: say("attention_note") }),
  ]);
  if (DATA.keys_are === "position") {
    section.appendChild(el("p", { className: "note", text: say("attention_note_linear") }));
  }
  section.appendChild(legend());
  DATA.sentences.forEach(function (sentence, b) {
    var maps = DATA.maps.filter(function (m) { return m.sentence === b; });
    var grid = el("div", { className: "map-grid" });
    grid.style.setProperty("--columns", String(Math.max(1, DATA.heads)));
    var block = el("section", { className: "sentence-maps", "data-sentence": b }, [
      el("h3", { title: sentence }, sayNodes("sentence_title", {
        n: b,
        text: { bdi: elide(sentence, TITLE_CHARS) },
      })),
      colourBar(maps.length ? maps[0].uniform : null),
      grid,
    ]);
    maps.forEach(function (m) {
      grid.appendChild(buildFigure(m, DATA.maps.indexOf(m)));
    });
    section.appendChild(block);
  });
  root.appendChild(section);
}

function legend() {
  var items = [];
  var padded = DATA.lengths.some(function (n, b) { return n < DATA.ids[b].length; });
  if (padded) items.push(say(DATA.mask_padding ? "padding_masked" : "padding_striped"));
  if (DATA.causal) items.push(say("causal_hatched"));
  if (padded) items.push(say("sentence_end"));
  if (DATA.training && DATA.training.expected_weight) items.push(say("expected_legend"));
  if (DATA.maps.some(function (m) { return m.sealed; })) items.push(say("unanswered_legend"));
  var list = el("ul", { className: "legend" });
  items.forEach(function (text) { list.appendChild(el("li", { text: text })); });
  return list;
}

function buildFigure(m, number) {
  var figure = el("figure", {
    className: "map",
    "data-sentence": m.sentence,
    "data-map": m.map,
    "data-hidden": m.hidden ? "true" : "false",
  });
  var caption = el("figcaption", { className: "map-title", text: m.name || "" });
  figure.appendChild(caption);
  var boxes = el("div", { className: "map-boxes" });
  var readout = el("p", { className: "readout", "aria-live": "polite", text: say("hint") });
  var walk = el("pre", { className: "walkthrough", hidden: true });
  var parts = { figure: figure, boxes: boxes, readout: readout, walk: walk, number: number };
  if (m.hidden && m.answer) {
    figure.classList.add("teacher-copy");
    figure.appendChild(el("p", { className: "teacher", text: say("teacher") }));
  }
  if (m.sealed) {
    figure.appendChild(buildExercise(m, parts));
    figure.appendChild(boxes);
    makeView(m, "guess", parts);
    figure.appendChild(parts.status);
  } else {
    figure.appendChild(boxes);
    makeView(m, "truth", parts);
  }
  figure.appendChild(readout);
  figure.appendChild(walk);
  return figure;
}

// One canvas of map ``m``: "truth" (its weights) or "guess" (a student's exercise).
function makeView(m, kind, parts) {
  var size = m.labels.length;
  var canvas = el("canvas", {
    className: "heatmap " + kind,
    tabindex: 0,
    role: "img",
    "aria-label": say("sentence_n", { n: m.sentence }) + (m.name ? " · " + m.name : ""),
  });
  var box = el("div", { className: "map-box" });
  if (parts.boxes.childNodes.length || kind === "guess") {
    box.appendChild(el("p", { className: "box-title", text: say(kind + "_title") }));
  }
  box.appendChild(el("div", { className: "map-scroll" }, [canvas]));
  parts.boxes.appendChild(box);
  var view = {
    map: m,
    kind: kind,
    parts: parts,
    canvas: canvas,
    box: parts.boxes,
    states: bytesOf(m.states),
    values: kind === "truth" ? floatsOf(m.answer.values) : null,
    selected: null,
    rowLabels: m.labels.map(function (t, i) { return i + " " + isolate(elide(t, ROW_LABEL_CHARS)); }),
    columnLabels: m.labels.map(function (t, j) {
      return DATA.keys_are === "position" ? String(j) : j + " " + isolate(elide(t, COLUMN_LABEL_CHARS));
    }),
  };
  view.shown = function (i, j) {
    if (view.kind === "truth") return view.values[i * size + j];
    return guessShare(view.parts.exercise, i, j);
  };
  view.blank = function (i) {
    var unanswered = view.kind !== "truth" && i < m.length && !rowTotal(view.parts.exercise, i);
    return unanswered ? "#fff3c4" : "#fff";
  };
  view.expected = function () {
    return view.kind === "truth" && m.answer.expected ? m.answer.expected : null;
  };
  canvas.addEventListener("pointermove", function (event) {
    if (event.pointerType !== "mouse" || view.kind === "done") return;
    var cell = cellAt(view, event);
    showReadout(view, cell || view.selected);
  });
  canvas.addEventListener("pointerleave", function () {
    if (view.kind !== "done") showReadout(view, view.selected);
  });
  canvas.addEventListener("click", function (event) {
    var cell = view.kind === "done" ? null : cellAt(view, event);
    if (cell) act(view, cell);
  });
  canvas.addEventListener("keydown", function (event) {
    if (view.kind !== "done") onKey(view, event);
  });
  views.push(view);
  if (kind === "guess") parts.guessView = view;
  else parts.truthView = view;
  if (canvas.isConnected) drawMap(view);
  return view;
}

// Select ``cell``, read it out, and explain it (a truth map) or pick its key (an exercise).
function act(view, cell) {
  view.selected = cell;
  if (view.kind === "guess") pick(view.parts.exercise, cell[0], cell[1], null);
  else explainCell(view, cell);
  drawMap(view);
  showReadout(view, cell);
}

var MOVES = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };

function onKey(view, event) {
  var size = view.map.labels.length;
  var cell = view.selected || [0, 0];
  var move = MOVES[event.key];
  if (move) {
    event.preventDefault();
    if (view.selected) {
      cell = [Math.min(size - 1, Math.max(0, cell[0] + move[0])),
        Math.min(size - 1, Math.max(0, cell[1] + move[1]))];
    }
    view.selected = cell;
    drawMap(view);
    showReadout(view, cell);
  } else if (event.key === "Enter" || event.key === " ") {
    event.preventDefault();
    act(view, cell);
  } else if (view.kind === "guess" && (event.key === "+" || event.key === "=" || event.key === "-")) {
    event.preventDefault();
    view.selected = cell;
    pick(view.parts.exercise, cell[0], cell[1], event.key === "-" ? "remove" : "add");
    drawMap(view);
    showReadout(view, cell);
  }
}

// The readout line of ``cell`` (null: the hint), in the window's words and number format.
function showReadout(view, cell) {
  var readout = view.parts.readout;
  readout.textContent = "";
  if (!cell) {
    readout.removeAttribute("data-query");
    readout.removeAttribute("data-key");
    readout.textContent = say("hint");
    return;
  }
  var m = view.map, i = cell[0], j = cell[1], size = m.labels.length;
  var state = view.states[i * size + j];
  readout.setAttribute("data-query", i);
  readout.setAttribute("data-key", j);
  var nodes = [say("r_sentence", { b: m.sentence })];
  if (m.name) nodes.push(" · " + m.name);
  nodes.push(" · ");
  var tokens = {
    i: i,
    j: j,
    qi: { bdi: elide(m.labels[i], READOUT_TOKEN_CHARS) },
    kj: { bdi: elide(m.labels[j], READOUT_TOKEN_CHARS) },
  };
  nodes = nodes.concat(sayNodes(DATA.keys_are === "position" ? "r_pair_linear" : "r_pair", tokens));
  nodes.push(": ");
  if (state === MASKED) nodes.push(say("r_masked"));
  else if (state === CAUSAL) nodes.push(say("r_causal"));
  if (view.kind === "guess") {
    if (state !== MASKED && state !== CAUSAL) {
      var ex = view.parts.exercise;
      if (i >= m.length) nodes.push(say("r_not_asked"));
      else if (!rowTotal(ex, i)) nodes.push(say("r_unanswered"));
      else nodes.push(say("r_guess", { share: fixed(guessShare(ex, i, j), 2) }));
    }
    append(readout, nodes);
    return;
  }
  var a = m.answer;
  if (state !== MASKED && state !== CAUSAL) {
    nodes.push(fixed(view.values[i * size + j], 6) + (state === PADDING ? say("r_padding") : ""));
  }
  nodes.push(" · " + say("r_sum", { total: fixed(a.sums[i], 6) }));
  nodes.push(" · " + say("r_spread", {
    max: fixed(a.max[i], 3),
    key: a.argmax[i],
    h: fixed(a.entropy[i], 2),
    uniform: fixed(m.uniform_entropy[i], 2),
  }));
  append(readout, nodes);
}

// A map's walk-throughs: the page holds them raw-deflated in base64 (see walkthrough.py);
// the first click on one of its cells inflates them, once, with the browser's own
// DecompressionStream.  ``done(pack)`` gets the pack, or null when there is none or the
// browser cannot inflate it (``done`` is then told why by the second argument).
function withWalkthrough(answer, done) {
  if (answer.walkthroughPack) return done(answer.walkthroughPack);
  if (!answer.walkthrough) return done(null, "walk_missing");
  if (typeof DecompressionStream === "undefined") return done(null, "walk_old_browser");
  var stream = new Blob([bytesOf(answer.walkthrough)]).stream();
  new Response(stream.pipeThrough(new DecompressionStream("deflate-raw")))
    .text()
    .then(function (text) {
      answer.walkthroughPack = JSON.parse(text);
      done(answer.walkthroughPack);
    })
    .catch(function () { done(null, "walk_old_browser"); });
}

// The walk-through lines of cell (i, j) in a map's pack ``w``, as --explain prints them.
function walkthroughLines(w, i, j) {
  var lines = [];
  var take = function (numbers) {
    numbers.forEach(function (n) { lines.push(w.lines[n]); });
  };
  take(w.cells[i][j][0]);
  w.rows[i].forEach(function (n, k) {
    var line = w.lines[n];
    lines.push(k === j ? line.slice(0, 1) + "→" + line.slice(2) : line);
  });
  take(w.cells[i][j][1]);
  take(w.context[i]);
  return lines;
}

// ``text`` as nodes, every “quoted” token in a <bdi>: its own direction stays inside it.
function isolatedTokens(text) {
  return text.split(/(“[^”\n]*”)/).map(function (part) {
    if (part.length < 2 || part[0] !== "“" || part[part.length - 1] !== "”") return part;
    return el("bdi", null, ["“", part.slice(1, -1), "”"]);
  });
}

// Show cell ``cell``'s walk-through under its map; ``data-ready`` says when it is written
// (a map's first one waits for its pack to inflate).
function explainCell(view, cell) {
  var walk = view.parts.walk, m = view.map;
  walk.hidden = false;
  walk.setAttribute("data-query", cell[0]);
  walk.setAttribute("data-key", cell[1]);
  walk.setAttribute("data-ready", "false");
  withWalkthrough(m.answer, function (pack, why) {
    if (walk.getAttribute("data-query") !== String(cell[0])) return;  // another cell since
    if (walk.getAttribute("data-key") !== String(cell[1])) return;
    walk.classList.toggle("missing", !pack);
    walk.textContent = "";
    if (pack) {
      append(walk, isolatedTokens(walkthroughLines(pack, cell[0], cell[1]).join("\n")));
    } else {
      var where = { s: m.sentence, i: cell[0], j: cell[1], m: m.map };
      walk.textContent = say(DATA.maps.length > DATA.sentences.length ? why + "_head" : why, where);
    }
    walk.setAttribute("data-ready", "true");
  });
}

var lastWidth = 0;

function redrawAll() {
  var width = document.documentElement.clientWidth;
  if (width === lastWidth) return;
  lastWidth = width;
  views.forEach(drawMap);
}
