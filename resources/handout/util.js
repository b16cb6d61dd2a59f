// Shared helpers: elements, words, numbers, decoding.  Every text goes in as textContent.

var DATA = JSON.parse(document.getElementById("handout-data").textContent);
var WORDS = DATA.words;
var REAL = 0, PADDING = 1, MASKED = 2, CAUSAL = 3;
var READOUT_TOKEN_CHARS = 40, ROW_LABEL_CHARS = 14, COLUMN_LABEL_CHARS = 8;
// A map's sentence title, as the window's (figures/heatmap.py TITLE_CHARS); the list of
// sentences at the top gives each one whole.
var TITLE_CHARS = 70;

// An element with attributes and children (strings become text nodes, never markup).
function el(tag, attributes, children) {
  var node = document.createElement(tag);
  var names = attributes ? Object.keys(attributes) : [];
  for (var n = 0; n < names.length; n++) {
    var value = attributes[names[n]];
    if (value === null || value === undefined || value === false) continue;
    if (names[n] === "text") node.textContent = value;
    else if (names[n] === "className") node.className = value;
    else node.setAttribute(names[n], value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  if (children === undefined || children === null) return node;
  if (!Array.isArray(children)) children = [children];
  for (var c = 0; c < children.length; c++) {
    var child = children[c];
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

// A catalog string with its {names} filled in (plain text in, plain text out).
function say(key, values) {
  var text = WORDS[key];
  if (text === undefined) text = key;
  return text.replace(/\{(\w+)\}/g, function (whole, name) {
    return values && Object.prototype.hasOwnProperty.call(values, name)
      ? String(values[name])
      : whole;
  });
}

// A template whose {names} become nodes: tokens go in <bdi>, so that a right-to-left
// mark in a word never turns the rest of the line around.
function sayNodes(key, values) {
  var parts = WORDS[key].split(/(\{\w+\})/);
  var nodes = [];
  for (var p = 0; p < parts.length; p++) {
    var found = /^\{(\w+)\}$/.exec(parts[p]);
    if (!found) {
      if (parts[p]) nodes.push(parts[p]);
      continue;
    }
    var value = values[found[1]];
    nodes.push(value && value.bdi ? el("bdi", { text: value.bdi }) : String(value));
  }
  return nodes;
}

// Python's f"{x:.{places}f}": exact rounding, ties to even (toFixed breaks ties upward).
function fixedPoint(x, places) {
  var text = x.toFixed(places);
  var exact = Math.abs(x).toFixed(100);
  var dot = exact.indexOf(".");
  var tail = exact.slice(dot + 1 + places);
  if (/^50*$/.test(tail)) {
    var cut = places ? exact.slice(0, dot + 1 + places) : exact.slice(0, dot);
    if (Number(cut[cut.length - 1]) % 2 === 0) text = (x < 0 ? "-" : "") + cut;
  }
  return text;
}

// A number with ``places`` decimals and the page language's decimal mark.
function fixed(x, places) {
  var text = fixedPoint(x, places);
  return DATA.language === "pt" ? text.replace(".", ",") : text;
}

// ``text`` cut to ``limit`` characters (code points, as Python counts them) with "…".
function elide(text, limit) {
  var points = Array.from(text);
  return points.length <= limit ? text : points.slice(0, Math.max(1, limit - 1)).join("") + "…";
}

function bytesOf(base64) {
  var raw = atob(base64);
  var bytes = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

// base64 of little-endian float32 → an array of numbers.
function floatsOf(base64) {
  var bytes = bytesOf(base64);
  var view = new DataView(bytes.buffer);
  var values = new Float64Array(bytes.length / 4);
  for (var i = 0; i < values.length; i++) values[i] = view.getFloat32(i * 4, true);
  return values;
}

// A hidden map's answer: base64 → bytes XOR the map's keystream → UTF-8 JSON.
function unseal(base64, number) {
  var bytes = bytesOf(base64);
  for (var i = 0; i < bytes.length; i++) {
    bytes[i] ^= (i * 73 + (i >> 7) * 151 + number * 29 + 11) & 255;
  }
  return JSON.parse(new TextDecoder("utf-8").decode(bytes));
}

// "3 sentences × 4 positions × 10 features".
function namedDims(shape, dims) {
  var parts = [];
  for (var d = 0; d < dims.length; d++) {
    var names = WORDS.dims[dims[d]] || [dims[d], dims[d]];
    parts.push(shape[d] + " " + (shape[d] === 1 ? names[0] : names[1]));
  }
  return parts.join(" × ");
}

// The colour map's RGB at weight ``value`` (fixed scale 0–1): the entry the window takes
// (figures/colours.py ``level``: the value's 255ths, rounded down).
function colourOf(value) {
  var index = Math.max(0, Math.min(255, Math.floor(value * 255)));
  return DATA.colours[index];
}

function cssColour(rgb) {
  return "rgb(" + rgb[0] + "," + rgb[1] + "," + rgb[2] + ")";
}

// Black or white text on ``rgb``, as the window writes on its heatmap.
function inkOn(rgb) {
  var y = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) / 255;
  return y > 0.45 ? "#000" : "#fff";
}

function mapLabel(m) {
  return m.name || say("r_sentence", { b: m.sentence });
}
