// The page's start: every part, in the page's order, drawn from the data.

// The page, drawn from the data.
function build() {
  var root = document.getElementById("handout");
  buildHeader(root);
  buildStages(root);
  buildAttention(root);
  buildTraining(root);
  root.appendChild(el("footer", { className: "note", text: say("footer") }));
  lastWidth = document.documentElement.clientWidth;
  views.forEach(drawMap);
  var pending = 0;
  window.addEventListener("resize", function () {
    clearTimeout(pending);
    pending = setTimeout(redrawAll, 120);
  });
}

build();
