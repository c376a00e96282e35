/* Charts of the statistics pages: each canvas[data-chart] carries its series as JSON ({labels, values, weighted}, or
   {labels, datasets: [{label, values}]} for several lines),
   so that no script is written into the page (the content security policy forbids inline scripts). */
(function () {
  'use strict';

  function draw(root) {
    if (!window.Chart || !root.querySelectorAll) {
      return;
    }
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = 'yes';
      var series = JSON.parse(canvas.dataset.series);
      var datasets = series.datasets
        ? series.datasets.map(function (set) {
            return { label: set.label, data: set.values.map(function (v) { return v === null ? null : Number(v); }), spanGaps: true };
          })
        : [{ data: series.values.map(Number) }];
      if (series.weighted) {
        datasets.push({ data: series.weighted.map(Number) });
      }
      // Figures in the page's language (Persian digits on a Persian page), read from its right on a right-to-left one.
      var rightToLeft = document.documentElement.dir === 'rtl';
      var locale = document.documentElement.lang || undefined;
      var figures = new Intl.NumberFormat(locale);
      var options = {
        locale: locale,
        plugins: {
          legend: { display: canvas.dataset.chart === 'pie' || !!series.datasets, rtl: rightToLeft },
          tooltip: { rtl: rightToLeft }
        }
      };
      if (canvas.dataset.chart !== 'pie') {
        // Chart.js writes a zero tick as "0" whatever the locale.
        options.scales = {
          x: { reverse: rightToLeft },
          y: { position: rightToLeft ? 'right' : 'left', ticks: { callback: function (value) { return figures.format(value); } } }
        };
      }
      new window.Chart(canvas, {
        type: canvas.dataset.chart,
        data: { labels: series.labels, datasets: datasets },
        options: options
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () { draw(document); });
  document.addEventListener('htmx:load', function (event) { draw(event.detail.elt); });
  if (document.readyState !== 'loading') {
    draw(document);
  }
})();
