// The training curves (loss, accuracy, weight on the expected key) as inline SVG.

var SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, text) {
  var node = document.createElementNS(SVG, tag);
  Object.keys(attributes || {}).forEach(function (name) {
    node.setAttribute(name, String(attributes[name]));
  });
  if (text !== undefined) node.textContent = text;
  return node;
}

// Short tick labels: 3 significant digits at most, the page's decimal mark.
function tick(value) {
  var text = Math.abs(value) >= 100 || value === Math.round(value)
    ? String(Math.round(value))
    : String(Number(value.toPrecision(3)));
  return DATA.language === "pt" ? text.replace(".", ",") : text;
}

function curve(title, steps, values, top) {
  var W = 420, H = 220, left = 48, right = 12, upper = 14, lower = 40;
  var finite = values.filter(function (v) { return v !== null; });
  var high = top !== null ? top : Math.max.apply(null, finite.concat([1e-9])) * 1.05;
  var first = steps[0], last = steps[steps.length - 1];
  var x = function (s) { return left + (W - left - right) * (last > first ? (s - first) / (last - first) : 0.5); };
  var y = function (v) { return upper + (H - upper - lower) * (1 - v / high); };
  var chart = svg("svg", {
    viewBox: "0 0 " + W + " " + H,
    role: "img",
    "aria-label": title,
    class: "curve",
  });
  chart.appendChild(svg("line", { x1: left, y1: y(0), x2: W - right, y2: y(0), class: "axis" }));
  chart.appendChild(svg("line", { x1: left, y1: upper, x2: left, y2: y(0), class: "axis" }));
  [0, high / 2, high].forEach(function (v) {
    chart.appendChild(svg("line", { x1: left - 4, y1: y(v), x2: W - right, y2: y(v), class: "grid" }));
    chart.appendChild(svg("text", { x: left - 6, y: y(v) + 4, "text-anchor": "end" }, tick(v)));
  });
  [first, last].forEach(function (s, k) {
    var anchor = k ? "end" : "start";
    chart.appendChild(svg("text", { x: x(s), y: H - lower + 16, "text-anchor": anchor }, String(s)));
  });
  chart.appendChild(svg("text", { x: (left + W) / 2, y: H - 6, "text-anchor": "middle" }, say("step")));
  var path = "";
  values.forEach(function (v, n) {
    if (v === null) return;
    path += (path ? "L" : "M") + x(steps[n]).toFixed(1) + "," + y(v).toFixed(1);
  });
  chart.appendChild(svg("path", { d: path, class: "line" }));
  return el("figure", { className: "chart" }, [el("figcaption", { text: title }), chart]);
}

function buildTraining(root) {
  var t = DATA.training;
  if (!t) return;
  var charts = el("div", { className: "charts" }, [
    curve(say("loss"), t.step, t.loss, null),
    curve(say("accuracy"), t.step, t.accuracy, 1),
    // ("next" has no expected key, and no such curve)
    t.expected_weight ? curve(say("expected_weight"), t.step, t.expected_weight, 1) : null,
  ]);
  root.appendChild(el("section", { id: "training" }, [
    el("h2", { text: say("training") + ": " + t.title }),
    el("p", {
      className: "note",
      text: say(t.steps === 1 ? "training_line_one" : "training_line", {
        steps: t.steps,
        rate: tick(t.learning_rate),
      }),
    }),
    el("p", { className: "explanation", text: t.text }),
    charts,
  ]));
}
