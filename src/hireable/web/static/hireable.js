// hireable dashboard: draws the charts whose data a page embeds as JSON. Pages read fine
// without it (each chart has a table of the same numbers).
(function () {
  "use strict";

  function cssVar(name, fallback) {
    var v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
    return v || fallback;
  }

  // <div class="chart" data-chart="ID"> draws the JSON of <script type="application/json" id="ID">:
  // {"x": [epoch seconds...], "series": [{"label": "...", "values": [...], "color": "--css-var"}]}
  function draw(el) {
    if (typeof uPlot === "undefined" || el.dataset.drawn) return;
    var source = document.getElementById(el.dataset.chart);
    if (!source) return;
    var data = JSON.parse(source.textContent);
    var fg = cssVar("--fg", "#222"), line = cssVar("--line", "#ccc");
    var axis = { stroke: fg, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 } };
    var width = Math.max(260, el.clientWidth || 600);
    var opts = {
      width: width,
      height: Math.round(Math.min(320, Math.max(200, width * 0.4))),
      scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.15)]; } } },
      axes: [Object.assign({}, axis), Object.assign({ label: data.y_label || "" }, axis)],
      series: [{ label: "week of" }].concat(data.series.map(function (s) {
        var c = cssVar(s.color, "#36c");
        return { label: s.label, stroke: c, width: 2, fill: c + "22", points: { show: true, size: 6, fill: c } };
      })),
    };
    el.textContent = "";
    el.dataset.drawn = "1";
    new uPlot(opts, [data.x].concat(data.series.map(function (s) { return s.values; })), el);
  }

  function drawAll(root) {
    (root || document).querySelectorAll(".chart[data-chart]").forEach(draw);
  }

  document.addEventListener("DOMContentLoaded", function () { drawAll(document); });
  document.addEventListener("htmx:load", function (evt) { drawAll(evt.target); });
})();
