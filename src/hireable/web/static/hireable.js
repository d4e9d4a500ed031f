// hireable dashboard: draws the charts whose data a page embeds as JSON. Pages read fine
// without it: each chart sits above an open table of the same numbers, folded once drawn.
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  // <div class="chart" data-chart="ID"> draws <script type="application/json" id="ID">:
  // {"labels": ["Sep 14", ...], "y_label": "hours",
  //  "series": [{"label": "...", "values": [...], "color": "--css-var"}]}
  // as side-by-side bars per label.
  function draw(el) {
    if (typeof uPlot === "undefined" || el.dataset.drawn) return;
    var source = document.getElementById(el.dataset.chart);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var n = data.labels.length;
    el.hidden = false;  // hidden until drawn: without JavaScript the table says it all
    var width = Math.max(260, el.clientWidth || 600);
    var every = width < 520 ? 3 : width < 800 ? 2 : 1;  // label spacing on narrow screens
    var fg = cssVar("--fg", "#222"), line = cssVar("--line", "#ccc");
    var grid = { stroke: line, width: 1 };
    var xs = data.labels.map(function (_, i) { return i; });
    var aligns = data.series.length === 2 ? [-1, 1] : data.series.map(function () { return 0; });
    var opts = {
      width: width,
      height: Math.round(Math.min(300, Math.max(200, width * 0.35))),
      legend: { live: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: [-0.6, n - 0.4] },
        y: { range: function (u, min, max) { return [0, Math.max(1, Math.ceil(max * 1.15))]; } },
      },
      axes: [
        {
          stroke: fg, grid: { show: false }, ticks: { show: false },
          splits: function () { return xs.filter(function (i) { return (n - 1 - i) % every === 0; }); },
          values: function (u, splits) { return splits.map(function (i) { return data.labels[i] || ""; }); },
        },
        { stroke: fg, grid: grid, ticks: grid, label: data.y_label || "" },
      ],
      series: [{ label: "week" }].concat(data.series.map(function (s, k) {
        var c = cssVar(s.color, "#36c");
        return {
          label: s.label, stroke: c, fill: c, width: 0, points: { show: false },
          paths: uPlot.paths.bars({ size: [0.38, 36], align: aligns[k] }),
        };
      })),
    };
    el.textContent = "";
    el.dataset.drawn = "1";
    new uPlot(opts, [xs].concat(data.series.map(function (s) { return s.values; })), el);
    var table = el.parentNode.querySelector("details.data");
    if (table) table.removeAttribute("open");
  }

  function drawAll(root) {
    (root || document).querySelectorAll(".chart[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:afterSettle", function () { drawAll(document); });
})();

// Copy buttons: <button data-copy="ID" hidden> copies the value (or text) of the element ID and
// says so in the nearest .copy-status. Hidden until this runs: without JavaScript the text sits in
// a textarea to select and copy by hand.
(function () {
  "use strict";

  function reveal(root) {
    (root || document).querySelectorAll("button[data-copy]").forEach(function (b) { b.hidden = false; });
  }

  function say(button, text) {
    var row = button.closest(".actions-row") || button.parentNode;
    var status = row && row.querySelector(".copy-status");
    if (status) status.textContent = text;
  }

  function fallback(source) {
    source.focus();
    source.select();
    return document.execCommand && document.execCommand("copy");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    if (!source) return;
    var text = "value" in source ? source.value : source.textContent;
    var label = button.textContent.replace(/^Copy /, "");
    var done = function () { say(button, "Copied the " + label + "."); };
    var failed = function () {
      say(button, fallback(source) ? "Copied the " + label + "." : "Select the text and copy it.");
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  });

  document.addEventListener("DOMContentLoaded", function () { reveal(document); });
  document.addEventListener("htmx:afterSettle", function () { reveal(document); });
})();
