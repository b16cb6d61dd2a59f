// The page's head (title, sentences, vocabulary, padded ids, settings) and the stages.

function buildHeader(root) {
  var first = DATA.sentences.length ? DATA.sentences[0] : "";
  var title = sayNodes("title", { first: { bdi: elide(first, TITLE_CHARS) } });
  var header = el("header", { className: "top" }, [el("h1", null, title)]);
  if (DATA.teacher) {  // said first, and printed: a student never takes it for their copy
    header.insertBefore(el("p", { className: "teacher-banner", text: say("teacher_banner") }),
      header.firstChild);
  }
  header.appendChild(el("p", { className: "settings" }, [
    el("span", { className: "label", text: say("settings") + ": " }),
    el("code", { text: DATA.settings }),
  ]));
  var list = el("ol", { className: "sentences", start: 0 });
  DATA.sentences.forEach(function (sentence) {
    list.appendChild(el("li", null, [el("bdi", { text: sentence })]));
  });
  header.appendChild(el("section", { id: "sentences" }, [
    el("h2", { text: say("sentences") }),
    list,
    el("p", { className: "note", text: say("sentences_note") }),
  ]));
  var words = el("ul", { className: "vocabulary" });
  var tokens = DATA.vocabulary.tokens;
  for (var t = 0; t < tokens.length; t++) {
    words.appendChild(el("li", { className: t === 0 ? "pad" : null }, [
      el("span", { className: "id", text: String(t) }),
      el("bdi", { className: "token", text: tokens[t] }),
      el("span", { className: "count", text: "×" + DATA.vocabulary.counts[t] }),
    ]));
  }
  header.appendChild(el("section", { id: "vocabulary" }, [
    el("h2", { text: say("vocabulary") }),
    words,
    el("p", { className: "note", text: say("vocabulary_note") }),
  ]));
  var ids = el("table", { className: "values ids" });
  var head = el("tr", null, [el("th")]);
  var longest = DATA.ids.length ? DATA.ids[0].length : 0;
  for (var j = 0; j < longest; j++) head.appendChild(el("th", { text: String(j) }));
  ids.appendChild(el("thead", null, [head]));
  var body = el("tbody");
  DATA.ids.forEach(function (row, b) {
    var line = el("tr", null, [el("th", { text: say("sentence_n", { n: b }) })]);
    row.forEach(function (id) {
      line.appendChild(el("td", { className: id === 0 ? "muted" : null, text: String(id) }));
    });
    body.appendChild(line);
  });
  ids.appendChild(body);
  header.appendChild(el("section", { id: "ids" }, [
    el("h2", { text: say("ids") }),
    el("div", { className: "scroll" }, [ids]),
  ]));
  root.appendChild(header);
}

// The stages: one <details> each, and one chooser of the sentence (and map) their tables show.
var stageView = { sentence: 0, map: 0, bodies: [] };

function buildStages(root) {
  var section = el("section", { id: "stages" }, [
    el("h2", { text: say("stages") }),
    el("p", { className: "note", text: say("stages_note") }),
  ]);
  var chooser = el("div", { className: "chooser controls" }, [
    el("span", { text: say("values_for") }),
  ]);
  var sentences = el("select", { "aria-label": say("sentence_choice") });
  DATA.sentences.forEach(function (sentence, b) {
    var text = say("sentence_n", { n: b }) + ": " + elide(sentence, 24);
    sentences.appendChild(el("option", { value: b, text: text }));
  });
  sentences.addEventListener("change", function () {
    stageView.sentence = Number(sentences.value);
    refreshStages();
  });
  chooser.appendChild(el("label", null, [say("sentence_choice") + " ", sentences]));
  var count = DATA.layers * DATA.heads;
  if (count > 1) {
    var maps = el("select", { "aria-label": say("map_choice") });
    for (var m = 0; m < count; m++) {
      maps.appendChild(el("option", { value: m, text: DATA.maps[m].name }));
    }
    maps.addEventListener("change", function () {
      stageView.map = Number(maps.value);
      refreshStages();
    });
    chooser.appendChild(el("label", null, [say("map_choice") + " ", maps]));
  }
  section.appendChild(chooser);
  DATA.stages.forEach(function (stage, n) {
    var body = el("div", { className: "stage-values" });
    stageView.bodies.push({ stage: stage, node: body });
    section.appendChild(el("details", { className: "stage", "data-stage": stage.key }, [
      el("summary", null, [
        el("span", { className: "number", text: n + 1 + ". " }),
        el("span", { className: "stage-title", text: stage.title }),
        el("span", { className: "shape", text: " (" + stage.shape.join(", ") + ")" }),
      ]),
      el("p", { className: "dims", text: namedDims(stage.shape, stage.dims) }),
      el("pre", { className: "code", text: stage.code }),
      el("p", { className: "explanation", text: stage.text }),
      body,
    ]));
  });
  root.appendChild(section);
  refreshStages();
}

function refreshStages() {
  stageView.bodies.forEach(function (entry) {
    entry.node.textContent = "";
    entry.node.appendChild(stageTable(entry.stage));
  });
}

// The table of ``stage`` for the chosen sentence and map, or why there is none.
function stageTable(stage) {
  if (!stage.tables) return el("p", { className: "note", text: say("too_big") });
  var table = null;
  stage.tables.forEach(function (candidate) {
    var sentenceFits = candidate.sentence === null || candidate.sentence === stageView.sentence;
    var mapFits = candidate.map === null || candidate.map === stageView.map;
    if (sentenceFits && mapFits) table = candidate;
  });
  if (!table) return el("p", { className: "note", text: say("too_big") });
  var values = table.values;
  if (table.secret) {
    values = secretValues(stage.key, table);
    if (!values) {
      var which = DATA.maps.filter(function (m) {
        return m.sentence === table.sentence && m.hidden &&
          (table.map === null || m.map === table.map);
      }).map(mapLabel).join(", ");
      return el("p", { className: "note secret", text: say("secret_table", { map: which }) });
    }
  }
  var numbers = floatsOf(values);
  var muted = bytesOf(table.muted);
  var columns = table.columns.length;
  var head = el("tr", null, [el("th")]);
  table.columns.forEach(function (label, j) {
    var off = table.rows.length && muted[j] && muted[(table.rows.length - 1) * columns + j];
    head.appendChild(el("th", { className: off ? "muted" : null }, [el("bdi", { text: label })]));
  });
  var body = el("tbody");
  table.rows.forEach(function (label, i) {
    var line = el("tr", null, [el("th", null, [el("bdi", { text: label })])]);
    for (var j = 0; j < columns; j++) {
      var v = numbers[i * columns + j];
      var text = table.integers ? String(Math.round(v)) : fixed(v, 4);
      line.appendChild(el("td", { className: muted[i * columns + j] ? "muted" : null, text: text }));
    }
    body.appendChild(line);
  });
  return el("div", { className: "scroll" }, [
    el("table", { className: "values" }, [el("thead", null, [head]), body]),
  ]);
}

// A secret table's values, once a map it tells of has its answer (revealed, or teacher's).
function secretValues(key, table) {
  for (var n = 0; n < DATA.maps.length; n++) {
    var m = DATA.maps[n];
    if (m.sentence !== table.sentence || !m.answer || !m.answer.tables) continue;
    if (table.map !== null && m.map !== table.map) continue;
    if (m.answer.tables[key]) return m.answer.tables[key];
  }
  return null;
}
