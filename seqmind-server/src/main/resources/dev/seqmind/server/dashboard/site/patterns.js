/* Pattern explorer: mined sequential rules searched by item id or title, filtered, sorted and paged. */
'use strict';
(function () {
  const { el, num, pct, table } = Seq;
  const PAGE = 50;
  let offset = 0;

  function names(ids, titles) {
    return ids.map((id, i) => titles[i] ? titles[i] + ' (' + id + ')' : id).join(', ');
  }

  async function load() {
    const f = new FormData(document.getElementById('filter'));
    const q = new URLSearchParams();
    for (const [k, v] of f.entries()) if (String(v).trim() !== '') q.set(k, String(v).trim());
    q.set('limit', PAGE);
    q.set('offset', offset);
    const d = await Seq.get('/v1/dashboard/patterns?' + q);
    document.getElementById('count').textContent = num(d.matching) + ' of ' + num(d.total_rules);
    const rows = d.patterns.map(r => [names(r.antecedent, r.antecedent_titles), '⇒',
      names(r.consequent, r.consequent_titles), num(r.support), pct(r.confidence), num(r.lift, 2)]);
    document.getElementById('rules').replaceChildren(rows.length ? table(['if a user had', '', 'they went on to',
      { label: 'support', num: true }, { label: 'confidence', num: true }, { label: 'lift', num: true }], rows)
      : el('p', { class: 'muted' }, 'No rule matches.'));
    document.getElementById('page').textContent = d.matching === 0 ? ''
      : (offset + 1) + '–' + (offset + d.patterns.length);
    document.getElementById('prev').disabled = offset === 0;
    document.getElementById('next').disabled = offset + PAGE >= d.matching;
    Charts.draw('chart-rules', {
      tooltip: { formatter: p => p.data[3] },
      xAxis: { type: 'value', name: 'confidence', min: 0, max: 1 }, yAxis: { type: 'value', name: 'lift' },
      series: [{ type: 'scatter', symbolSize: p => 6 + 4 * Math.log10(1 + p[2]),
        data: d.patterns.map(r => [r.confidence, r.lift, r.support,
          names(r.antecedent, r.antecedent_titles) + ' ⇒ ' + names(r.consequent, r.consequent_titles)]) }]
    });
  }

  function guarded() { load().catch(e => Seq.banner('Could not load rules: ' + e.message)); }

  Seq.page(async () => {
    document.getElementById('filter').addEventListener('submit', ev => { ev.preventDefault(); offset = 0; guarded(); });
    document.getElementById('prev').addEventListener('click', () => { offset = Math.max(0, offset - PAGE); guarded(); });
    document.getElementById('next').addEventListener('click', () => { offset += PAGE; guarded(); });
    await load();
  });
})();
