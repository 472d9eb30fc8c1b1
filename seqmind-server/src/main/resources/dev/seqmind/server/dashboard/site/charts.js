/* ECharts helpers: one canvas chart per element, drawn without animation (so what is shown is final at once),
   resized with the window. */
'use strict';
(function () {
  const charts = new Map();
  const palette = ['#2f5d8a', '#e07b39', '#3a9d5d', '#b8439b', '#8a6d2f', '#5b8fd6', '#c94c4c', '#6b7785'];

  function draw(id, option) {
    const node = document.getElementById(id);
    let c = charts.get(id);
    if (!c) {
      c = echarts.init(node, null, { renderer: 'canvas' });
      charts.set(id, c);
    }
    for (const axis of [option.xAxis, option.yAxis]) {
      if (axis && axis.name && !axis.nameLocation) {
        Object.assign(axis, axis === option.xAxis ? { nameLocation: 'middle', nameGap: 26 } : { nameGap: 12 });
      }
    }
    c.setOption(Object.assign({ animation: false, color: palette, textStyle: { fontFamily: 'system-ui, sans-serif' },
      grid: { left: 64, right: 24, top: 40, bottom: 48 } }, option), true);
    return c;
  }

  window.addEventListener('resize', () => charts.forEach(c => c.resize()));
  window.Charts = { draw, palette };
})();
