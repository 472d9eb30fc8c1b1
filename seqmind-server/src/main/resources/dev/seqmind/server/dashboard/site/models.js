/* Models: every model version the server has served, side by side (GET /v1/dashboard/models), with provenance,
   the figures recorded with each version and those of an evaluation report beside its directory. */
'use strict';
(function () {
  const { el, num, table } = Seq;

  function provenanceRows(models) {
    // a version's provenance is keyed dataset_name, ...; a model directory's own datasetName, ...: read either
    const p = m => {
      const q = m.provenance || {};
      const pick = (a, b) => q[a] !== undefined ? q[a] : q[b];
      return { datasetName: pick('dataset_name', 'datasetName'),
        datasetFingerprint: pick('dataset_fingerprint', 'datasetFingerprint'), users: q.users, items: q.items,
        events: q.events, trainer: q.trainer, seed: q.seed, params: q.params,
        seqmindVersion: pick('seqmind_version', 'seqmindVersion'), gitSha: pick('git_sha', 'gitSha') };
    };
    return [
      ['serving', m => m.active ? el('span', { class: 'tag better' }, 'serving') : 'no'],
      ['saved', m => Seq.time(m.trained_at)],
      ['loaded', m => Seq.time(m.loaded_at)],
      ['type', m => m.type || p(m).trainer || '–'],
      ['dataset', m => p(m).datasetName || '–'],
      ['fingerprint', m => el('code', null, (p(m).datasetFingerprint || '–').slice(0, 16))],
      ['users / items / events', m => num(p(m).users) + ' / ' + num(p(m).items) + ' / ' + num(p(m).events)],
      ['trainer', m => (p(m).trainer || '–') + (p(m).seed !== undefined ? ' (seed ' + p(m).seed + ')' : '')],
      ['parameters', m => Object.entries(p(m).params || {}).map(([k, v]) => k + '=' + v).join(', ')],
      ['seqmind', m => (p(m).seqmindVersion || '–') + ' @ ' + (p(m).gitSha || '').slice(0, 10)],
      ['evaluation', m => m.evaluation ? m.evaluation.title + ' · ' + m.evaluation.protocol : 'no report beside it']];
  }

  Seq.page(async () => {
    const source = '/v1/dashboard/models';
    const d = await Seq.get(source);
    const models = (d.models || []).slice().sort((a, b) => a.name.localeCompare(b.name) || a.version - b.version);
    document.getElementById('source').textContent = models.length + ' model version(s) from ' + source + '.';
    const metricNames = [...new Set(models.flatMap(m => Object.keys(m.metrics || {})))];
    const heads = ['', ...models.map(m => m.name + ' v' + m.version + (m.active ? ' (serving)' : ''))];
    const rows = provenanceRows(models).map(([label, f]) => [el('b', null, label), ...models.map(f)]);
    metricNames.forEach(k => rows.push([el('b', null, k), ...models.map(m => {
      const v = (m.metrics || {})[k];
      const ci = (m.metric_intervals || {})[k];
      const mark = m.evaluation && m.evaluation.markers ? m.evaluation.markers[k] : '';
      return el('span', null, v === undefined ? '–' : num(v, 4), ci ? el('span', { class: 'muted' },
        ' [' + num(ci[0], 4) + ', ' + num(ci[1], 4) + ']') : null,
        mark && mark !== 'baseline' ? el('span', { class: 'tag ' + mark }, mark) : null);
    })]));
    document.getElementById('table').replaceChildren(models.length ? table(heads, rows)
      : el('p', { class: 'muted' }, 'No model is loaded.'));
    const shown = metricNames.filter(k => /@10\b/.test(k)).slice(0, 8);
    const keys = shown.length ? shown : metricNames.slice(0, 8);
    Charts.draw('chart-metrics', {
      tooltip: { trigger: 'axis' }, legend: { data: models.map(m => m.name + ' v' + m.version) },
      xAxis: { type: 'category', data: keys.length ? keys : ['no evaluation report'] }, yAxis: { type: 'value' },
      series: models.map(m => ({ name: m.name + ' v' + m.version, type: 'bar',
        data: keys.map(k => (m.metrics || {})[k] ?? 0) }))
    });
  });
})();
