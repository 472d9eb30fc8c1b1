/* seqmind dashboard: sign-in (the read key kept in sessionStorage for this browser session), navigation, keyed
   JSON calls and small DOM helpers shared by every page. No network access beyond this server. */
'use strict';
(function () {
  const KEY = 'seqmind.readKey';
  const PAGES = [['/', 'Overview'], ['/dataset', 'Dataset'], ['/patterns', 'Patterns'], ['/user', 'User'],
    ['/experiments', 'Experiments'], ['/models', 'Models']];
  let pageFn = null;
  let info = null;

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.detail) || ('HTTP ' + status));
      this.status = status;
      this.body = body;
    }
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function table(headers, rows) {
    const head = el('tr', null, headers.map(h => el('th', { class: h.num ? 'num' : null }, h.label || h)));
    const body = rows.map(r => el('tr', null, r.map((c, i) =>
      el('td', { class: headers[i] && headers[i].num ? 'num' : null }, c))));
    return el('table', null, el('thead', null, head), el('tbody', null, body));
  }

  /** Fills #cards with [label, value] figures. */
  function cards(items) {
    document.getElementById('cards').replaceChildren(...items.map(([k, v]) =>
      el('div', { class: 'card' }, el('div', { class: 'v' }, v), el('div', { class: 'k' }, k))));
  }

  function num(v, digits) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    if (digits === undefined) return Number(v).toLocaleString('en-US');
    return Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  function pct(v, digits) {
    return v === null || v === undefined ? '–' : (100 * v).toFixed(digits === undefined ? 1 : digits) + '%';
  }

  async function call(method, path, body) {
    const headers = { 'Authorization': 'Bearer ' + sessionStorage.getItem(KEY), 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store' });
    let json = null;
    try { json = await r.json(); } catch (e) { json = null; }
    if (r.status === 401) { signOut('The key is no longer accepted; sign in again.'); }
    if (!r.ok) throw new ApiError(r.status, json);
    return json;
  }

  function banner(text) {
    const b = document.getElementById('banner');
    b.textContent = text;
    b.hidden = !text;
  }

  /** An ISO-8601 instant as 'YYYY-MM-DD HH:MM:SS' (UTC). */
  function time(iso) {
    return iso ? String(iso).replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC') : '–';
  }

  function setState(s) { document.body.dataset.state = s; }

  function nav() {
    const here = location.pathname;
    const n = document.getElementById('nav');
    n.replaceChildren(el('span', { class: 'brand' }, 'seqmind'),
      ...PAGES.map(([href, label]) => el('a', { href, class: href === here ? 'active' : null }, label)));
    if (info) {
      const out = el('button', { type: 'button', id: 'signout' }, 'Sign out');
      out.addEventListener('click', () => signOut(''));
      n.append(el('span', { class: 'who' }, 'key ' + info.key + ' (' + info.role + ')'
        + (info.pseudonymized ? ' · pseudonymised ids' : '')), out);
    }
  }

  function signOut(message) {
    sessionStorage.removeItem(KEY);
    info = null;
    showSignIn(message);
  }

  function showSignIn(message) {
    nav();
    document.getElementById('main').hidden = true;
    banner('');
    let box = document.getElementById('signin');
    if (!box) {
      const input = el('input', { type: 'password', id: 'key', name: 'key', autocomplete: 'off',
        placeholder: 'read key', required: 'required' });
      box = el('form', { class: 'signin', id: 'signin' }, el('h2', null, 'Sign in'),
        el('p', { class: 'muted' }, 'The dashboard needs a read key. It is kept for this browser session only.'),
        input, el('button', { type: 'submit' }, 'Sign in'), el('p', { class: 'banner', id: 'signin-msg', hidden: 'hidden' }));
      box.addEventListener('submit', async ev => {
        ev.preventDefault();
        sessionStorage.setItem(KEY, input.value.trim());
        try {
          await start();
        } catch (e) {
          sessionStorage.removeItem(KEY);
          const m = document.getElementById('signin-msg');
          m.textContent = e.status === 401 || e.status === 403 ? 'This key is not valid for the dashboard.'
            : 'Sign-in failed: ' + e.message;
          m.hidden = false;
          setState('signin');
        }
      });
      document.body.append(box);
    }
    const m = box.querySelector('#signin-msg');
    m.textContent = message || '';
    m.hidden = !message;
    box.hidden = false;
    setState('signin');
  }

  async function start() {
    setState('loading');
    info = await call('GET', '/v1/dashboard/info');
    const box = document.getElementById('signin');
    if (box) box.hidden = true;
    nav();
    document.getElementById('main').hidden = false;
    try {
      await pageFn(info);
      performance.mark('seqmind-ready');
      setState('ready');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      banner('Could not load this page: ' + e.message);
      setState('error');
    }
  }

  /** Each page script registers its loader; it runs after sign-in with the dashboard info. */
  function page(fn) { pageFn = fn; }

  document.addEventListener('DOMContentLoaded', () => {
    if (!pageFn) return;
    if (!sessionStorage.getItem(KEY)) { showSignIn(''); return; }
    start().catch(e => {
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) signOut('This key is not valid for the dashboard.');
      else { banner('The server did not answer: ' + e.message); setState('error'); }
    });
  });

  window.Seq = { page, get: p => call('GET', p), post: (p, b) => call('POST', p, b), el, table, cards, num, pct, banner,
    ApiError, time, info: () => info };
})();
