/* Dataset: the stored events' sequence lengths, popularity long tail and actions over time, and recent users. */
'use strict';
(function () {
  const { el, num, pct } = Seq;

  Seq.page(async info => {
    const d = await Seq.get('/v1/dashboard/dataset');
    document.getElementById('scanned').textContent = 'Scanned ' + Seq.time(d.scanned_at) + ' in ' + num(d.scan_ms)
      + ' ms.';
    const items = [['events', num(d.events)], ['users', num(d.users)], ['items', num(d.items)],
      ['Gini of item popularity', num(d.gini, 3)], ['events on top 1% items', pct(d.top_share['1%'])],
      ['events on top 20% items', pct(d.top_share['20%'])]];
    Object.entries(d.actions).forEach(([a, n]) => items.push([a + ' events', num(n)]));
    Seq.cards(items);

    Charts.draw('chart-lengths', {
      tooltip: { trigger: 'axis' }, xAxis: { type: 'category', name: 'events', data: Object.keys(d.lengths) },
      yAxis: { type: 'value', name: 'users' },
      series: [{ type: 'bar', name: 'users', data: Object.values(d.lengths) }]
    });
    Charts.draw('chart-tail', {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'log', name: 'item rank', min: 1 }, yAxis: { type: 'log', name: 'events', min: 1 },
      series: [{ type: 'line', name: 'events', showSymbol: false, areaStyle: { opacity: 0.15 },
        data: d.popularity_tail.map(p => [p[0], Math.max(1, p[1])]) }]
    });
    const actions = Object.keys(d.actions);
    Charts.draw('chart-timeline', {
      tooltip: { trigger: 'axis' }, legend: { data: actions },
      xAxis: { type: 'time' }, yAxis: { type: 'value', name: 'events per ' + bucketName(d.bucket_ms) },
      series: actions.map(a => ({ name: a, type: 'bar', stack: 'all', barMaxWidth: 24,
        data: d.timeline.map(b => [b.t, b.actions[a] || 0]) }))
    });
    const recent = document.getElementById('recent');
    if (d.recent_users.length === 0) {
      recent.replaceChildren(el('p', { class: 'muted' }, 'No stored events yet.'));
    } else {
      recent.replaceChildren(el('div', { class: 'chips' }, d.recent_users.map(u =>
        el('a', { href: '/user#stored=' + encodeURIComponent(u) }, u))),
        el('p', { class: 'muted' }, info.pseudonymized ? 'Ids are pseudonyms (pseudonymisation is on).' : ''));
    }
  });

  function bucketName(ms) {
    const names = { 60000: 'minute', 300000: '5 minutes', 900000: '15 minutes', 3600000: 'hour', 21600000: '6 hours',
      86400000: 'day', 604800000: 'week', 2592000000: '30 days', 31536000000: 'year' };
    return names[ms] || (ms / 1000) + ' s';
  }
})();
