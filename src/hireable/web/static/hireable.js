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
