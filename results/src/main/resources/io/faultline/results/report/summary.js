'use strict';
// The summary and the checker results.

function renderSummary(model) {
  const s = model.summary;
  const f = model.figures;
  document.title = s.test + ' — ' + (s.verdict === 'true' ? 'valid' : s.verdict === 'false' ? 'invalid' : 'unknown') + ' — Faultline';
  document.getElementById('title').textContent = s.test;
  const verdict = document.getElementById('verdict');
  verdict.replaceWith(Object.assign(badge(s.verdict), {id: 'verdict'}));
  const fact = (k, v) => el('div', {class: 'fact'}, el('div', {class: 'k', text: k}), el('div', {class: 'v', text: v}));
  const body = document.getElementById('summary-body');
  append(body, [
    el('p', {}, badge(s.verdict), ' ', s.explanation),
    s.shrunkFrom ? el('p', {id: 'shrunk-from'}, 'Shrunk from ', el('a', {href: s.shrunkFrom.href, text: s.shrunkFrom.dir}),
      ' by faultline shrink: the smallest failing test found (its settings and schedule: the rerun line below).') : null,
    el('div', {class: 'facts'},
      fact('started', s.start.replace('T', ' ').replace('Z', ' UTC')),
      fact('duration', fmt(f.seconds, 1) + ' s' + (s.syntheticTime ? ' (synthetic)' : '')),
      fact('ops', fmt(f.ops, 0)), fact('ok', fmt(f.ok, 0)), fact('fail', fmt(f.fail, 0)), fact('info', fmt(f.info, 0)),
      fact('nemesis ops', fmt(f.nemesis, 0)), fact('processes', fmt(f.processes, 0)),
      fact('ok / s', fmt(f.okPerSecond, 1)), fact('latency p50', fmt(f.p50Ms, 2) + ' ms'),
      fact('latency p99', fmt(f.p99Ms, 2) + ' ms'), fact('latency max', fmt(f.maxMs, 2) + ' ms'),
      fact('faults', fmt(model.faults.filter(x => x.end > x.start).length, 0)),
      fact('seed', s.seed === '' ? '—' : s.seed)),
    el('h3', {text: 'Verdicts'}),
    el('table', {id: 'verdicts'}, el('tr', {}, el('th', {text: 'checker'}), el('th', {text: 'verdict'}), el('th', {text: 'explanation'})),
      model.checkers.map(c => el('tr', {},
        el('td', {style: 'padding-left:' + (c.depth * 16) + 'px', text: c.path}), el('td', {}, badge(c.verdict)),
        el('td', {text: c.explanation})))),
    el('h3', {text: 'Rerun'}),
    el('pre', {id: 'rerun', text: s.rerun}),
    el('h3', {text: 'Test spec'}),
    jsonTree(s.spec, 1)
  ]);
}

function renderResults(model) {
  const body = document.getElementById('results-body');
  body.appendChild(resultCard('overall', model.results, 0));
}

function isResult(v) {
  return v && typeof v === 'object' && !Array.isArray(v) && 'valid' in v && 'explanation' in v
    && v.details && typeof v.details === 'object' && !Array.isArray(v.details);
}

function verdictOf(r) {
  return r.valid === true ? 'true' : r.valid === false ? 'false' : 'unknown';
}

function resultCard(name, r, depth) {
  const card = el('div', {class: 'checker v-' + verdictOf(r)},
    el('div', {}, el('strong', {text: name}), ' ', badge(verdictOf(r)), ' ', r.explanation));
  for (const [k, v] of Object.entries(r.details)) {
    if (isResult(v) && depth < 8) {
      card.appendChild(resultCard(k, v, depth + 1));
    } else if (k === 'by-f' && isStatsByF(v)) {
      card.appendChild(el('div', {}, el('span', {class: 'key', text: 'by-f:'}), statsTable(v)));
    } else {
      const special = k === 'counterexample' ? ' (drawn above)' : (k === 'lost' || k === 'stale') ? ' (listed above)' : '';
      card.appendChild(el('div', {class: 'json'}, el('span', {class: 'key', text: k + special + ': '}), jsonTree(v, 1)));
    }
  }
  return card;
}

// The stats checker's per-f figures: {f: {count, ok, fail, info, crashed, opsPerS, latencies: {ok: {p50Ms, ...}}}}.
function isStatsByF(v) {
  return v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).length > 0
    && Object.values(v).every(x => x && typeof x === 'object' && 'count' in x && 'ok' in x);
}

function statsTable(byF) {
  const num = (x, d) => typeof x === 'number' ? fmt(x, d) : '—';
  const lat = (s, q) => s.latencies && s.latencies.ok ? num(s.latencies.ok[q], 2) : '—';
  return el('table', {class: 'stats'},
    el('tr', {}, ['f', 'count', 'ok', 'fail', 'info', 'crashed', 'ops/s', 'ok p50 ms', 'ok p99 ms', 'ok max ms'].map(h => el('th', {text: h}))),
    Object.entries(byF).map(([f, s]) => el('tr', {},
      el('td', {class: 'mono', text: f}), el('td', {text: num(s.count, 0)}), el('td', {text: num(s.ok, 0)}),
      el('td', {text: num(s.fail, 0)}), el('td', {text: num(s.info, 0)}), el('td', {text: num(s.crashed, 0)}),
      el('td', {text: num(s.opsPerS, 1)}), el('td', {text: lat(s, 'p50Ms')}), el('td', {text: lat(s, 'p99Ms')}),
      el('td', {text: lat(s, 'maxMs')}))));
}
