/* Overview: rates and latency over the last 10 s (polled every 2 s and drawn as a live series), totals, models. */
'use strict';
(function () {
  const { el, num, table } = Seq;
  const history = [];

  function cards(o) {
    const r = o.rates, t = o.totals;
    const items = [
      ['events/s', num(r.events_per_second, 1)], ['requests/s', num(r.requests_per_second, 1)],
      ['p50 latency', r.p50_ms === null ? '–' : num(r.p50_ms, 2) + ' ms'],
      ['p99 latency', r.p99_ms === null ? '–' : num(r.p99_ms, 2) + ' ms'],
      ['errors/s (4xx / 5xx)', num(r.client_errors_per_second, 2) + ' / ' + num(r.server_errors_per_second, 2)],
      ['stored events', num(t.stored_events)], ['live users', num(t.live_users)],
      ['write queue', num(t.write_queue)], ['requests served', num(t.requests)],
      ['errors (4xx / 5xx)', num(t.client_errors) + ' / ' + num(t.server_errors)], ['mined rules', num(t.rules)]];
    Seq.cards(items);
  }

  function models(list) {
    const rows = list.map(m => {
      const p = m.provenance || {};
      return [el('b', null, m.name), 'v' + m.version + (m['default'] ? ' (default)' : ''), m.type + ' / ' + m.model,
        num(m.items), p.datasetName + ' (' + num(p.users) + ' users, ' + num(p.events) + ' events)',
        el('code', null, (p.datasetFingerprint || '').slice(0, 12)), p.trainer + ' seed ' + p.seed,
        'seqmind ' + p.seqmindVersion + ' @ ' + (p.gitSha || '').slice(0, 10), Seq.time(m.trained_at), Seq.time(m.loaded_at)];
    });
    document.getElementById('models').replaceChildren(table(['model', 'version', 'type', 'items', 'fitted on',
      'fingerprint', 'trainer', 'built by', 'saved', 'loaded'], rows));
  }

  function chartsOf() {
    const t = history.map(h => h.t);
    Charts.draw('chart-rates', {
      tooltip: { trigger: 'axis' }, legend: { data: ['events/s', 'requests/s', 'errors/s'] },
      xAxis: { type: 'time', min: v => Math.min(v.min, v.max - 120000), max: v => v.max }, yAxis: { type: 'value', name: 'per second', min: 0 },
      series: [
        { name: 'events/s', type: 'line', showSymbol: true, data: history.map(h => [h.t, h.r.events_per_second]) },
        { name: 'requests/s', type: 'line', showSymbol: true, data: history.map(h => [h.t, h.r.requests_per_second]) },
        { name: 'errors/s', type: 'line', showSymbol: true,
          data: history.map(h => [h.t, h.r.client_errors_per_second + h.r.server_errors_per_second]) }]
    });
    Charts.draw('chart-latency', {
      tooltip: { trigger: 'axis' }, legend: { data: ['p50', 'p99'] },
      xAxis: { type: 'time', min: v => Math.min(v.min, v.max - 120000), max: v => v.max }, yAxis: { type: 'value', name: 'ms', min: 0 },
      series: [
        { name: 'p50', type: 'line', showSymbol: true, connectNulls: true, data: history.map(h => [h.t, h.r.p50_ms]) },
        { name: 'p99', type: 'line', showSymbol: true, connectNulls: true, data: history.map(h => [h.t, h.r.p99_ms]) }]
    });
    return t;
  }

  async function refresh() {
    const o = await Seq.get('/v1/dashboard/overview');
    history.push({ t: Date.parse(o.now), r: o.rates });
    if (history.length > 150) history.shift();
    cards(o);
    models(o.models);
    chartsOf();
  }

  Seq.page(async () => {
    await refresh();
    setInterval(() => refresh().catch(e => Seq.banner('Live update failed: ' + e.message)), 2000);
  });
})();
