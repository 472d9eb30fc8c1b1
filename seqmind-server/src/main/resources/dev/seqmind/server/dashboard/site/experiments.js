/* Experiments: variants, traffic, outcome rates with intervals and the test's verdict, from GET /v1/experiments
   (only asked when the server has that route, so a server without experiments shows an empty state). */
'use strict';
(function () {
  const { el, num, pct, table } = Seq;

  function interval(ci) {
    return Array.isArray(ci) && ci.length === 2 ? '[' + pct(ci[0]) + ', ' + pct(ci[1]) + ']' : '–';
  }

  function experiment(x, i) {
    const v = x.verdict || {};
    const rows = (x.variants || []).map(a => [el('b', null, a.name), a.model, pct(a.share, 0), num(a.exposures),
      num(a.clicks), pct(a.ctr, 2), interval(a.ctr_ci), num(a.conversions), pct(a.conversion_rate, 2),
      interval(a.conversion_ci)]);
    const chartId = 'chart-exp-' + i;
    const box = el('section', { class: 'panel experiment', 'data-experiment': x.id },
      el('h2', null, x.name + ' ', el('span', { class: 'tag' }, x.status)),
      el('div', { class: 'verdict' }, v.text || 'No verdict yet.',
        v.p_value === null || v.p_value === undefined ? null : el('span', { class: 'muted' }, ' (p = ' + num(v.p_value, 4)
          + (v.decision ? ', ' + v.decision : '') + (v.winner ? ', winner ' + v.winner : '') + ')')),
      table(['variant', 'model', { label: 'share', num: true }, { label: 'exposures', num: true },
        { label: 'clicks', num: true }, { label: 'CTR', num: true }, 'CTR interval',
        { label: 'conversions', num: true }, { label: 'conversion', num: true }, 'conversion interval'], rows),
      el('div', { class: 'chart', id: chartId }));
    return [box, () => {
      const names = (x.variants || []).map(a => a.name);
      const bars = (key, ci) => ({
        name: key === 'ctr' ? 'CTR' : 'conversion', type: 'bar',
        data: (x.variants || []).map(a => a[key] || 0)
      });
      const whiskers = (key, ci, s) => ({
        name: (key === 'ctr' ? 'CTR' : 'conversion') + ' interval', type: 'custom', z: 10, encode: { x: 0, y: [1, 2] },
        renderItem: (params, api) => {
          const lo = api.coord([api.value(0), api.value(1)]);
          const hi = api.coord([api.value(0), api.value(2)]);
          const w = api.size([1, 0])[0] * 0.08;
          const dx = (s === 0 ? -1 : 1) * api.size([1, 0])[0] * 0.18;
          const style = { stroke: '#1f2933', lineWidth: 1.5 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: lo[0] + dx, y1: lo[1], x2: hi[0] + dx, y2: hi[1] }, style },
            { type: 'line', shape: { x1: lo[0] + dx - w, y1: lo[1], x2: lo[0] + dx + w, y2: lo[1] }, style },
            { type: 'line', shape: { x1: hi[0] + dx - w, y1: hi[1], x2: hi[0] + dx + w, y2: hi[1] }, style }] };
        },
        data: (x.variants || []).map((a, j) => [j, (a[ci] || [0, 0])[0], (a[ci] || [0, 0])[1]])
      });
      Charts.draw(chartId, {
        tooltip: { trigger: 'axis' }, legend: { data: ['CTR', 'conversion'] },
        xAxis: { type: 'category', data: names }, yAxis: { type: 'value', axisLabel: { formatter: v => pct(v, 0) } },
        series: [bars('ctr'), bars('conversion_rate'), whiskers('ctr', 'ctr_ci', 0),
          whiskers('conversion_rate', 'conversion_ci', 1)]
      });
    }];
  }

  Seq.page(async info => {
    let list = [];
    if (info.experiments_api) {
      try {
        list = (await Seq.get('/v1/experiments')).experiments || [];
      } catch (e) {
        if (!(e instanceof Seq.ApiError) || e.status !== 404) throw e;
      }
    }
    render(list, info.experiments_api);
  });

  /** Shows {@code list} (the "experiments" of GET /v1/experiments), or the empty state. */
  function render(list, available) {
    const root = document.getElementById('experiments');
    if (list.length === 0) {
      root.replaceChildren(el('div', { class: 'empty', id: 'no-experiments' }, 'No experiments.',
        el('p', { class: 'muted' }, available ? 'None has been defined yet.'
          : 'This server does not run experiments.')));
      return;
    }
    const built = list.map(experiment);
    root.replaceChildren(...built.map(b => b[0]));
    built.forEach(b => b[1]());
  }

  Seq.renderExperiments = render;
})();
