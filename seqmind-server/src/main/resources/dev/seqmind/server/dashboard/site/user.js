/* User: the stored event timeline and the recommendations the site gets now, with their explanations, from the
   same recommendation API the site calls. Users are named as stored: pseudonyms when pseudonymisation is on (a raw
   id typed here is sent once to be pseudonymised by the server and never shown or kept in the address). */
'use strict';
(function () {
  const { el, num, table } = Seq;
  let info = null;

  function storedFromHash() {
    const m = /(?:^#|&)stored=([^&]*)/.exec(location.hash);
    return m ? decodeURIComponent(m[1]) : null;
  }

  async function show(id, stored) {
    const u = await Seq.get('/v1/dashboard/users/' + encodeURIComponent(id) + '?stored=' + stored + '&limit=500');
    if (!stored) {
      document.querySelector('#lookup input[name=id]').value = '';
      history.replaceState(null, '', '#stored=' + encodeURIComponent(u.user));
    }
    document.getElementById('user-view').hidden = false;
    document.getElementById('user-title').textContent = 'User ' + u.user + (u.pseudonymized ? ' (pseudonym)' : '')
      + ' · ' + num(u.events.length) + ' stored events';
    timeline(u);
    await recommendations(u);
  }

  function timeline(u) {
    const actions = [...new Set(u.events.map(e => e.action))];
    Charts.draw('chart-timeline', {
      tooltip: { formatter: p => new Date(p.data[0]).toISOString() + '<br>' + p.data[2] },
      xAxis: { type: 'time' }, yAxis: { type: 'category', data: actions },
      grid: { left: 80, right: 20, top: 20, bottom: 40 },
      series: [{ type: 'scatter', symbolSize: 9,
        data: u.events.map(e => [e.timestamp, e.action, (e.title || e.item) + ' (' + e.item + ')']) }]
    });
    const newest = u.events.slice(-15).reverse();
    document.getElementById('events').replaceChildren(newest.length ? table(['time', 'action', 'item'],
      newest.map(e => [new Date(e.timestamp).toISOString().replace('T', ' ').slice(0, 19), e.action,
        e.title ? e.title + ' (' + e.item + ')' : e.item]))
      : el('p', { class: 'muted' }, 'No stored events for this user.'));
  }

  async function recommendations(u) {
    // Without pseudonymisation the stored id is the site's id: ask exactly as the site does. With it, the raw id is
    // not known here, so the live history goes to the history endpoint the site can use as well.
    const r = u.pseudonymized
      ? await Seq.post('/v1/recommendations', { history: u.history, k: 10, exclude_seen: true, explain: true })
      : await Seq.get('/v1/users/' + encodeURIComponent(u.user) + '/recommendations?k=10&exclude_seen=true&explain=true');
    document.getElementById('rec-meta').textContent = 'model ' + r.model + ' v' + r.model_version + ' · history of '
      + r.history_length + ' items' + (r.fallback ? ' · fallback: ' + r.fallback : '')
      + (u.pseudonymized ? ' · POST /v1/recommendations' : ' · GET /v1/users/{id}/recommendations');
    document.getElementById('recs').replaceChildren(...r.items.map(it => {
      const x = it.explanation || {};
      return el('li', null, el('div', null, el('span', { class: 'title' }, it.title || it.item), ' ',
        el('span', { class: 'muted' }, '(' + it.item + ') score ' + num(it.score, 4))),
        el('div', { class: 'why' }, x.sentence || ''),
        (x.rules || []).slice(0, 3).map(rule => el('div', { class: 'rule' }, 'rule: ' + rule.rule + ' · confidence '
          + Seq.pct(rule.confidence) + ' · lift ' + num(rule.lift, 2) + ' · support ' + num(rule.support))),
        (x.contributors || []).length ? el('div', { class: 'rule' }, 'driven by: '
          + x.contributors.map(c => c.title || c.item).join(', ')) : null);
    }));
  }

  Seq.page(async i => {
    info = i;
    document.getElementById('pseudo-note').textContent = info.pseudonymized
      ? 'Pseudonymisation is on: a raw id is pseudonymised by the server and only its pseudonym is shown.' : '';
    const d = await Seq.get('/v1/dashboard/dataset');
    document.getElementById('recent').replaceChildren(...d.recent_users.map(u =>
      el('a', { href: '#stored=' + encodeURIComponent(u) }, u)));
    document.getElementById('lookup').addEventListener('submit', ev => {
      ev.preventDefault();
      const id = new FormData(ev.target).get('id').trim();
      if (id) show(id, false).catch(e => Seq.banner('Could not load the user: ' + e.message));
    });
    window.addEventListener('hashchange', () => {
      const s = storedFromHash();
      if (s) show(s, true).catch(e => Seq.banner('Could not load the user: ' + e.message));
    });
    const s = storedFromHash() || d.recent_users[0];
    if (s) await show(s, true);
  });
})();
