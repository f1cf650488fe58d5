'use strict';
// The timeline of operations per process (one column each, time downwards), paged: a page holds
// PAGE_SIZE consecutive invocations. Rows are ordinal: each invocation or completion on the page gets
// its own row, in time order, so a slow op does not squeeze the rest; the zoom sets the row height.

const PAGE_SIZE = 400;
const COLUMN_WIDTH = 150;
const TYPE_NAMES = ['ok', 'fail', 'info', 'never completed'];

const timeline = {data: null, page: 0, row: 16, highlight: -1, error: null};

async function loadTimeline() {
  const text = document.getElementById('timeline-data').textContent.trim();
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return JSON.parse(await new Response(stream).text());
}

function pages() {
  return Math.max(1, Math.ceil(timeline.data.p.length / PAGE_SIZE));
}

function jumpLink(index) {
  return el('a', {class: 'jump', text: 'op ' + index, onclick: () => showOp(index)});
}

// Shows the page holding the invocation with this index (or the op just before it) and marks it.
function showOp(index) {
  if (!timeline.data) return;
  const ids = timeline.data.i;
  let lo = 0, hi = ids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ids[mid] <= index) lo = mid; else hi = mid - 1;
  }
  timeline.highlight = ids.length ? ids[lo] : -1;
  timeline.page = Math.floor(lo / PAGE_SIZE);
  drawTimeline();
  document.getElementById('timeline').scrollIntoView();
  const hit = document.querySelector('.op.hit');
  if (hit) hit.scrollIntoView({block: 'center', inline: 'center'});
}

function renderTimelineControls() {
  const controls = document.getElementById('timeline-controls');
  const pageInput = el('input', {type: 'number', min: 1, max: pages(), value: 1, id: 'tl-page'});
  const opInput = el('input', {type: 'number', min: 0, placeholder: 'op index', id: 'tl-op'});
  const zoom = el('input', {type: 'range', min: 4, max: 40, value: timeline.row, id: 'tl-zoom'});
  pageInput.addEventListener('change', () => {
    timeline.page = Math.min(pages() - 1, Math.max(0, (parseInt(pageInput.value, 10) || 1) - 1));
    drawTimeline();
  });
  opInput.addEventListener('change', () => showOp(parseInt(opInput.value, 10) || 0));
  zoom.addEventListener('input', () => { timeline.row = parseInt(zoom.value, 10); drawTimeline(); });
  append(controls, [
    el('button', {text: '◀ previous', onclick: () => { if (timeline.page > 0) { timeline.page--; drawTimeline(); } }}),
    el('button', {text: 'next ▶', onclick: () => { if (timeline.page < pages() - 1) { timeline.page++; drawTimeline(); } }}),
    el('label', {}, 'page ', pageInput, el('span', {id: 'tl-pages', text: ' of ' + fmt(pages(), 0)})),
    el('label', {}, 'go to ', opInput),
    el('label', {}, 'zoom ', zoom),
    el('span', {class: 'note', text: fmt(timeline.data.p.length, 0) + ' operations, ' + PAGE_SIZE + ' per page. Green ok, red fail, orange info, purple never completed, grey nemesis.'})
  ]);
}

function drawTimeline() {
  const d = timeline.data;
  const body = document.getElementById('timeline-body');
  body.replaceChildren();
  const pageInput = document.getElementById('tl-page');
  if (pageInput) pageInput.value = timeline.page + 1;
  const from = timeline.page * PAGE_SIZE;
  const to = Math.min(d.p.length, from + PAGE_SIZE);
  if (to <= from) {
    body.appendChild(el('p', {class: 'note', text: 'No operations.'}));
    return;
  }
  // Columns: the processes on this page, the nemesis first.
  const procs = [...new Set(Array.from(d.p.slice(from, to)))].sort((a, b) => a - b);
  const column = new Map(procs.map((p, i) => [p, i]));
  // Ordinal rows for every start and end on the page.
  let pageEnd = -Infinity;
  for (let k = from; k < to; k++) pageEnd = Math.max(pageEnd, d.s[k]);
  const events = [];
  for (let k = from; k < to; k++) {
    events.push(d.s[k]);
    if (d.d[k] >= 0 && d.s[k] + d.d[k] <= pageEnd) events.push(d.s[k] + d.d[k]);
  }
  events.sort((a, b) => a - b);
  const rowOf = t => {
    let lo = 0, hi = events.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (events[mid] < t) lo = mid + 1; else hi = mid; }
    return lo;
  };
  const rowH = timeline.row;
  const height = (events.length + 1) * rowH;
  const head = el('div', {class: 'tl-head', style: 'width:' + (procs.length * COLUMN_WIDTH) + 'px'},
    procs.map(p => el('div', {style: 'width:' + COLUMN_WIDTH + 'px', text: p < 0 ? 'nemesis' : 'process ' + p})));
  const canvas = el('div', {class: 'tl-canvas', style: 'height:' + height + 'px;width:' + (procs.length * COLUMN_WIDTH) + 'px'});
  for (let k = from; k < to; k++) {
    const done = d.d[k] >= 0 && d.s[k] + d.d[k] <= pageEnd;
    const top = rowOf(d.s[k]) * rowH;
    const bottom = done ? rowOf(d.s[k] + d.d[k]) * rowH + rowH : height;
    const f = d.fs[d.f[k]];
    const result = d.r[k] === null ? '' : ' → ' + d.r[k];
    const label = f + ' ' + d.v[k] + result;
    const tip = 'op ' + d.i[k] + ', ' + (d.p[k] < 0 ? 'nemesis' : 'process ' + d.p[k]) + '\n:' + f + ' ' + d.v[k]
      + (d.r[k] === null ? '' : '\nresult ' + d.r[k]) + (d.e[k] === null ? '' : '\nerror ' + d.e[k])
      + '\n' + TYPE_NAMES[d.t[k]] + ', invoked at ' + fmt(d.s[k] / 1e6, 6) + ' s'
      + (d.d[k] >= 0 ? ', took ' + fmt(d.d[k] / 1000, 3) + ' ms' : '');
    const bar = el('div', {
      class: 'op t' + d.t[k] + (d.p[k] < 0 ? ' nemesis' : '') + (d.i[k] === timeline.highlight ? ' hit' : ''),
      style: 'left:' + (column.get(d.p[k]) * COLUMN_WIDTH + 2) + 'px;top:' + top + 'px;width:' + (COLUMN_WIDTH - 6)
        + 'px;height:' + Math.max(rowH - 2, bottom - top - 2) + 'px;line-height:' + Math.min(rowH, 16) + 'px',
      title: tip, text: rowH >= 9 ? label : ''
    });
    canvas.appendChild(bar);
  }
  append(body, [head, canvas]);
}

async function renderTimeline() {
  const body = document.getElementById('timeline-body');
  try {
    timeline.data = await loadTimeline();
  } catch (e) {
    body.appendChild(el('p', {class: 'error', text: 'The timeline could not be decoded in this browser (it needs DecompressionStream): ' + e}));
    throw e;
  }
  renderTimelineControls();
  drawTimeline();
}
