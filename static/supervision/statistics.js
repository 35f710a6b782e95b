/*
 * Statistics charts (Apache ECharts, served from our own origin: the CSP allows no inline script).
 * The page carries every chart's option in one `json_script` element (#stats-chart-data, an object
 * keyed by chart name); each `[data-chart="name"]` element becomes that chart. Without scripts the
 * tables below the charts show the same figures.
 */
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("stats-chart-data");
  if (!source || typeof window.echarts === "undefined") {
    return;
  }
  var options = JSON.parse(source.textContent);
  var charts = [];
  document.querySelectorAll("[data-chart]").forEach(function (element) {
    var option = options[element.getAttribute("data-chart")];
    if (!option) {
      return;
    }
    var chart = window.echarts.init(element, null, { renderer: "svg" });
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener("resize", function () {
    charts.forEach(function (chart) {
      chart.resize();
    });
  });
  // A picked preset period ignores the custom dates: show them only for 自定义.
  var period = document.getElementById("id_period");
  if (period) {
    var toggle = function () {
      var custom = period.value === "custom";
      ["id_start", "id_end"].forEach(function (id) {
        var field = document.getElementById(id);
        if (field && field.parentElement) {
          field.parentElement.hidden = !custom;
        }
      });
    };
    period.addEventListener("change", toggle);
    toggle();
  }
});
