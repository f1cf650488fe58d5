'use strict';
// Findings: linearizability counterexamples (drawn as bars per process over time, in the spirit of
// Knossos' linear.svg) and lost writes.

const BAR_COLOURS = {ok: '#2f7d32', fail: '#c62828', info: '#ef8f00', crashed: '#7b1fa2', invoke: '#7b1fa2'};

function renderCounterexamples(model) {
  const list = model.counterexamples;
  const shrunk = model.shrunkCounterexample;
  if (list.length === 0 && !shrunk) return;
  document.getElementById('counterexamples').hidden = false;
  const body = document.getElementById('counterexamples-body');
  const row = el('div', {class: 'cex-pair'});
  const current = el('div', {class: 'cex-current'});
  for (const cex of list) current.appendChild(counterexample(cex));
  row.appendChild(current);
  if (shrunk) row.appendChild(shrunkCounterexample(shrunk));
  body.appendChild(row);
}

// The smallest set of one key's ops still not linearizable, computed when the report was written.
function shrunkCounterexample(s) {
  const box = el('div', {class: 'cex shrunk', id: 'shrunk-counterexample'});
  box.appendChild(el('h3', {text: 'Shrunk counterexample — key ' + s.key + (s.model ? ', model ' + s.model : '')}));
  if (s.operations.length === 0) {
    box.appendChild(el('p', {class: 'note', text: s.note}));
    return box;
  }
  append(box, [
    el('p', {}, 'The smallest set of the key\'s operations still not linearizable: ', String(s.operations.length),
      ' operations (', String(s.ops), ' ops of the key\'s ', String(s.from), ')',
      s.minimal ? '; removing any one of them makes the rest linearizable.' : '; not minimal: ', s.minimal ? '' : s.note),
    s.minimal ? el('p', {class: 'note', text: s.note}) : null,
    drawOps(s.operations, -1),
    el('table', {class: 'shrunk-ops'},
      el('tr', {}, ['op', 'process', 'operation', 'completed', 'invoked', 'completed at'].map(h => el('th', {text: h}))),
      s.operations.map(o => el('tr', {},
        el('td', {}, jumpLink(o.index)), el('td', {text: String(o.process)}), el('td', {class: 'mono', text: o.text}),
        el('td', {text: o.type}), el('td', {text: seconds(o.start)}), el('td', {text: seconds(o.end)}))))
  ]);
  return box;
}

function counterexample(cex) {
  const op = cex.op;
  const ops = [op, ...cex.concurrent.filter(c => c.index !== op.index)];
  const box = el('div', {class: 'cex'});
  append(box, [
    el('h3', {text: cex.path + (cex.model ? ' — model ' + cex.model : '')}),
    el('p', {}, 'No order of the operations linearizes ', el('code', {text: op.text}), ' by ',
      op.process < 0 ? 'the nemesis' : 'process ' + op.process, ' (', jumpLink(op.index), ', ', op.type, '), drawn in red. ',
      'Bars: the ', String(ops.length - 1), ' operations concurrent with it, from invocation to completion.'),
    cex.faults.length ? el('p', {}, 'Faults in effect meanwhile: ', cex.faults.map(f => el('span', {class: 'chip fault-chip', text: f}))) : null,
    drawOps(ops, op.index),
    el('h3', {text: 'Model states reachable just before it'}),
    cex.reachable.length === 0 ? el('p', {class: 'note', text: 'The checker listed none.'}) :
      el('div', {class: 'states'}, cex.reachable.map(s => el('div', {class: 'state'},
        el('div', {class: 'mono', text: s.state}),
        s.linearized >= 0 ? el('div', {class: 'note', text: 'after ' + s.linearized + ' ops linearized' + (s.last.length ? ', the last:' : '')}) : null,
        el('div', {}, s.last.map(l => el('span', {class: 'chip', title: 'op ' + l.index + ', process ' + l.process, text: l.text}))))))
  ]);
  return box;
}

function drawOps(ops, failing) {
  const known = ops.filter(o => o.start >= 0);
  const t0 = Math.min(...known.map(o => o.start));
  let t1 = Math.max(...known.map(o => Math.max(o.start, o.end)));
  if (!(t1 > t0)) t1 = t0 + 0.001;
  const span = t1 - t0;
  const open = t1 + span * 0.12;
  const procs = [...new Set(ops.map(o => o.process))].sort((a, b) => a - b);
  const left = 90, width = 900, rowH = 30, top = 24;
  const height = top + procs.length * rowH + 24;
  const x = t => left + (t - t0) / (open - t0) * width;
  const chart = svg('svg', {width: left + width + 20, height: height, viewBox: '0 0 ' + (left + width + 20) + ' ' + height,
    role: 'img', 'font-family': 'system-ui, sans-serif', 'font-size': 11});
  for (let i = 0; i <= 4; i++) {
    const t = t0 + span * i / 4;
    chart.appendChild(svg('line', {x1: x(t), x2: x(t), y1: top - 6, y2: height - 20, stroke: '#eee'}));
    chart.appendChild(svg('text', {x: x(t), y: height - 6, 'text-anchor': 'middle', fill: '#666'}, fmt(t, 4) + ' s'));
  }
  procs.forEach((p, row) => chart.appendChild(svg('text', {x: 4, y: top + row * rowH + 18, fill: '#333'},
    p < 0 ? 'nemesis' : 'process ' + p)));
  ops.filter(o => o.start >= 0).forEach((o, k) => {
    const row = procs.indexOf(o.process);
    const x0 = x(o.start);
    const x1 = o.end >= 0 ? Math.max(x(o.end), x0 + 3) : x(open);
    const y = top + row * rowH + 3;
    const isFailing = o.index === failing;
    const clip = 'clip-' + failing + '-' + k;
    chart.appendChild(svg('clipPath', {id: clip}, svg('rect', {x: x0, y: y, width: x1 - x0, height: rowH - 8})));
    chart.appendChild(svg('rect', {x: x0, y: y, width: x1 - x0, height: rowH - 8, rx: 3,
      fill: isFailing ? '#ffebee' : '#eceff1', stroke: isFailing ? '#c62828' : (BAR_COLOURS[o.type] || '#607d8b'),
      'stroke-width': isFailing ? 3 : 1.5, 'stroke-dasharray': o.end >= 0 ? 'none' : '5 3'},
      svg('title', {}, 'op ' + o.index + ', ' + o.type + (o.end >= 0 ? '' : ' (never completed)') + ': ' + o.text)));
    const label = svg('text', {x: x0 + 4, y: y + 15, fill: isFailing ? '#b71c1c' : '#222', 'clip-path': 'url(#' + clip + ')',
      'font-weight': isFailing ? 700 : 400}, o.text);
    chart.appendChild(label);
  });
  return chart;
}

function renderLostWrites(model) {
  const lost = model.lostWrites;
  if (lost.length === 0) return;
  document.getElementById('lost').hidden = false;
  const acked = lost.filter(w => w.acked >= 0).length;
  const body = document.getElementById('lost-body');
  append(body, [
    el('p', {}, String(lost.length), lost.length === 1 ? ' element was' : ' elements were',
      ' acknowledged or attempted but missing from the final read; ', String(acked), ' of them had an acknowledged write ',
      '(marked ▼ on the latency plot).'),
    el('table', {id: 'lost-table'},
      el('tr', {}, ['element', 'acknowledged at', 'write', 'process', 'faults in effect at the acknowledgement'].map(h => el('th', {text: h}))),
      lost.map(w => el('tr', {},
        el('td', {class: 'mono', text: w.element}),
        el('td', {text: w.acked >= 0 ? seconds(w.acked) : 'never acknowledged'}),
        el('td', {}, w.index >= 0 ? jumpLink(w.index) : '—', w.f ? ' :' + w.f : ''),
        el('td', {text: w.process >= 0 ? String(w.process) : '—'}),
        el('td', {}, w.faults.length ? w.faults.map(f => el('span', {class: 'chip fault-chip', text: f})) : 'none'))))
  ]);
}
