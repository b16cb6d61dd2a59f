// A hidden map as an exercise: the student's guess, Reveal, and the score, the same rule
// as the window's (1 − ½·Σ|guess − weight| per real row, unanswered rows 0, the mean).

function buildExercise(m, parts) {
  var size = m.labels.length;
  var ex = { map: m, parts: parts, mode: "one", units: new Float64Array(size * size) };
  parts.exercise = ex;
  var modes = el("div", { className: "modes", role: "group" });
  ["one", "add", "remove"].forEach(function (mode) {
    var button = el("button", {
      type: "button",
      className: "mode",
      "data-mode": mode,
      "aria-pressed": mode === ex.mode ? "true" : "false",
      text: say("mode_" + mode),
    });
    button.addEventListener("click", function () {
      ex.mode = mode;
      Array.prototype.forEach.call(modes.children, function (other) {
        other.setAttribute("aria-pressed", other === button ? "true" : "false");
      });
    });
    modes.appendChild(button);
  });
  var clear = el("button", { type: "button", className: "clear", text: say("clear") });
  clear.addEventListener("click", function () {
    ex.units.fill(0);
    refreshGuess(ex);
  });
  var reveal = el("button", { type: "button", className: "reveal", text: say("reveal") });
  reveal.addEventListener("click", function () { revealMap(ex); });
  parts.status = el("p", { className: "answered" });
  ex.controls = el("div", { className: "exercise controls" }, [modes, clear, reveal]);
  var box = el("div", { className: "exercise-intro" }, [
    el("p", { className: "exercise-title", text: say("exercise") }),
    el("p", { className: "note", text: say("exercise_note") }),
    ex.controls,
  ]);
  updateStatus(ex);
  return box;
}

function rowTotal(ex, i) {
  var size = ex.map.labels.length, total = 0;
  for (var j = 0; j < size; j++) total += ex.units[i * size + j];
  return total;
}

// The share of row i's units on key j, or null for a row without any.
function guessShare(ex, i, j) {
  var total = rowTotal(ex, i);
  return total ? ex.units[i * ex.map.labels.length + j] / total : null;
}

// Put a unit of the student's weight on key j of row i (``mode``: "one", "add", "remove";
// null: the chosen mode).  Padding rows and masked keys are not asked.
function pick(ex, i, j, mode) {
  var m = ex.map, size = m.labels.length;
  var state = ex.parts.guessView ? ex.parts.guessView.states[i * size + j] : REAL;
  if (ex.revealed || i >= m.length || state === MASKED || state === CAUSAL) return;
  mode = mode || ex.mode;
  var at = i * size + j;
  if (mode === "one") {
    for (var k = 0; k < size; k++) ex.units[i * size + k] = 0;
    ex.units[at] = 1;
  } else if (mode === "add") {
    ex.units[at] += 1;
  } else {
    ex.units[at] = Math.max(0, ex.units[at] - 1);
  }
  updateStatus(ex);
}

function refreshGuess(ex) {
  updateStatus(ex);
  if (ex.parts.guessView) drawMap(ex.parts.guessView);
}

function updateStatus(ex) {
  var answered = 0;
  for (var i = 0; i < ex.map.length; i++) if (rowTotal(ex, i)) answered++;
  ex.parts.status.textContent = say("answered", { n: answered, m: ex.map.length });
}

// Each real row's score against the truth ``values``: 1 − ½·Σ|share − weight|, in [0, 1].
function rowScores(ex, values) {
  var m = ex.map, size = m.labels.length, scores = [];
  for (var i = 0; i < m.length; i++) {
    var total = rowTotal(ex, i);
    if (!total) {
      scores.push(null);
      continue;
    }
    var distance = 0;
    for (var j = 0; j < size; j++) {
      distance += Math.abs(ex.units[i * size + j] / total - values[i * size + j]);
    }
    scores.push(Math.min(1, Math.max(0, 1 - 0.5 * distance)));
  }
  return scores;
}

function revealMap(ex) {
  var m = ex.map;
  m.answer = unseal(m.sealed, ex.parts.number);
  ex.revealed = true;
  ex.controls.remove();
  ex.parts.figure.querySelector(".exercise-title").textContent = say("exercise_revealed");
  ex.parts.figure.classList.add("revealed");
  var guess = ex.parts.guessView;
  guess.selected = null;
  guess.canvas.setAttribute("tabindex", "-1");
  guess.canvas.classList.add("static");
  guess.kind = "done";
  guess.shown = function (i, j) { return guessShare(ex, i, j); };
  var truth = makeView(m, "truth", ex.parts);
  drawMap(guess);
  var scores = rowScores(ex, truth.values);
  var sum = 0;
  scores.forEach(function (s) { sum += s || 0; });
  var score = m.length ? sum / m.length : 0;
  var list = el("ol", { className: "row-scores", start: 0 });
  scores.forEach(function (s, i) {
    var token = { bdi: elide(m.labels[i], READOUT_TOKEN_CHARS) };
    var words = s === null
      ? sayNodes("row_unanswered", { i: i, qi: token })
      : sayNodes("row_score", { i: i, qi: token, score: fixed(s, 3) });
    list.appendChild(el("li", { "data-row": i, "data-score": s === null ? 0 : s }, words));
  });
  var shown = el("div", { className: "score", "data-score": score }, [
    el("p", {
      text: say("score", { percent: fixed(score * 100, 1) + "%", raw: fixed(score, 3), n: m.length }),
    }),
    list,
  ]);
  ex.parts.status.replaceWith(shown);
  showReadout(truth, null);
  truth.canvas.focus();
  refreshStages();
}
