'use strict';
// Latency and throughput plots (Chart.js), with fault periods shaded and labelled.

const TYPE_COLOURS = {ok: '#2f7d32', fail: '#c62828', info: '#ef8f00'};
const POINT_STYLES = ['circle', 'triangle', 'rect', 'crossRot', 'star', 'rectRot', 'cross', 'dash'];
const FAULT_COLOURS = ['#ff9800', '#8e24aa', '#1e88e5', '#e53935', '#00897b', '#6d4c41', '#3949ab'];

function faultColour(kind, kinds) {
  let i = kinds.indexOf(kind);
  if (i < 0) { kinds.push(kind); i = kinds.length - 1; }
  return FAULT_COLOURS[i % FAULT_COLOURS.length];
}

function alpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return 'rgba(' + (n >> 16 & 255) + ',' + (n >> 8 & 255) + ',' + (n & 255) + ',' + a + ')';
}

// A Chart.js plugin of our own: shades each fault period behind the data and writes its kind on top.
function faultPlugin(faults, kinds) {
  return {
    id: 'faultline-faults',
    beforeDatasetsDraw(chart) {
      const {ctx, chartArea: area, scales: {x}} = chart;
      ctx.save();
      ctx.font = '11px system-ui, sans-serif';
      ctx.textBaseline = 'top';
      let labelEnd = -Infinity;
      const rows = [];
      for (const f of faults) {
        const colour = faultColour(f.kind, kinds);
        const x0 = Math.max(area.left, x.getPixelForValue(f.start));
        const x1 = Math.min(area.right, x.getPixelForValue(f.end));
        if (x1 < area.left || x0 > area.right) continue;
        if (x1 - x0 >= 1) {
          ctx.fillStyle = alpha(colour, 0.14);
          ctx.fillRect(x0, area.top, x1 - x0, area.bottom - area.top);
        } else {
          ctx.strokeStyle = alpha(colour, 0.7);
          ctx.beginPath(); ctx.moveTo(x0, area.top); ctx.lineTo(x0, area.bottom); ctx.stroke();
        }
        const text = f.kind;
        const w = ctx.measureText(text).width;
        let row = rows.findIndex(end => end < x0);
        if (row < 0 && rows.length < 3) { rows.push(-Infinity); row = rows.length - 1; }
        if (row >= 0) {
          rows[row] = x0 + w + 6;
          ctx.fillStyle = colour;
          ctx.fillText(text, x0 + 2, area.top + 2 + row * 13);
        }
        labelEnd = Math.max(labelEnd, x0 + w);
      }
      ctx.restore();
    }
  };
}

function renderCharts(model) {
  const kinds = [];
  const faults = model.faults;
  const lat = model.latency;
  const fs = [...new Set(lat.series.map(s => s.f))];
  const datasets = lat.series.map(s => ({
    label: s.f + ' ' + s.type,
    data: Array.from(s.x, (x, i) => ({x: x, y: Math.max(s.y[i], 0.001)})),
    backgroundColor: alpha(TYPE_COLOURS[s.type] || '#555555', 0.55),
    borderColor: alpha(TYPE_COLOURS[s.type] || '#555555', 0.9),
    pointStyle: POINT_STYLES[fs.indexOf(s.f) % POINT_STYLES.length],
    pointRadius: 2.5, borderWidth: 0.5
  }));
  const lost = model.lostWrites.filter(w => w.acked >= 0);
  if (lost.length > 0) {
    datasets.push({
      label: 'lost write (acknowledged)', data: lost.map(w => ({x: w.acked, y: Math.max((w.acked - w.invoked) * 1000, 0.001)})),
      backgroundColor: '#000', borderColor: '#000', pointStyle: 'triangle', pointRadius: 6, rotation: 180
    });
  }
  document.getElementById('latency-note').textContent = lat.shown < lat.total
    ? 'Each point an op at its invocation time. ' + fmt(lat.total, 0) + ' ops, downsampled to ' + fmt(lat.shown, 0)
      + ' points: in each of 600 time slices per series, the fastest and the slowest op. Shaded: fault periods.'
    : 'Each point an op at its invocation time (' + fmt(lat.total, 0) + ' ops). Shaded: fault periods.';
  const common = {
    animation: false, responsive: true, maintainAspectRatio: false, parsing: false, normalized: true,
    plugins: {legend: {position: 'bottom', labels: {usePointStyle: true, boxWidth: 8}}},
  };
  new Chart(document.getElementById('latency-chart'), {
    type: 'scatter', data: {datasets},
    options: Object.assign({}, common, {
      scales: {
        x: {type: 'linear', title: {display: true, text: 'time (s)'}, min: 0, max: Math.max(model.figures.seconds, 0.001)},
        y: {type: 'logarithmic', title: {display: true, text: 'latency (ms)'},
          ticks: {callback: v => { const m = v / Math.pow(10, Math.floor(Math.log10(v))); return [1, 2, 5].some(k => Math.abs(m - k) < 1e-6) ? fmt(v, 3) : ''; }}}
      },
      plugins: Object.assign({}, common.plugins, {tooltip: {callbacks: {
        label: c => c.dataset.label + ': ' + fmt(c.parsed.y, 3) + ' ms at ' + fmt(c.parsed.x, 3) + ' s'}}})
    }),
    plugins: [faultPlugin(faults, kinds)]
  });
  const tp = model.throughput;
  const rateSets = tp.series.map(s => ({
    label: s.f + ' ' + s.type,
    data: Array.from(s.rates, (r, i) => ({x: (i + 0.5) * tp.bucket, y: r})),
    borderColor: TYPE_COLOURS[s.type] || '#555', backgroundColor: TYPE_COLOURS[s.type] || '#555',
    borderDash: [[], [6, 3], [2, 2], [8, 2, 2, 2]][fs.indexOf(s.f) % 4] || [],
    pointRadius: 0, borderWidth: 1.5, tension: 0
  }));
  document.getElementById('throughput-note').textContent =
    'Completed ops per second, in buckets of ' + fmt(tp.bucket, 3) + ' s. Shaded: fault periods.';
  new Chart(document.getElementById('throughput-chart'), {
    type: 'line', data: {datasets: rateSets},
    options: Object.assign({}, common, {
      scales: {
        x: {type: 'linear', title: {display: true, text: 'time (s)'}, min: 0, max: Math.max(model.figures.seconds, 0.001)},
        y: {type: 'linear', beginAtZero: true, title: {display: true, text: 'ops / s'}}
      }
    }),
    plugins: [faultPlugin(faults, kinds)]
  });
  renderFaults(model, kinds);
}

function renderFaults(model, kinds) {
  const body = document.getElementById('faults-body');
  const faults = model.faults;
  if (faults.length === 0) {
    body.appendChild(el('p', {class: 'note', text: 'The nemesis did nothing in this run.'}));
    return;
  }
  const limit = 300;
  append(body, [
    el('p', {class: 'note', text: 'Each period runs from the invocation of the nemesis op that began the fault to the completion of the one that ended it.'}),
    el('table', {}, el('tr', {}, ['kind', 'from', 'to', 'what', 'op'].map(h => el('th', {text: h}))),
      faults.slice(0, limit).map(f => el('tr', {},
        el('td', {}, el('span', {class: 'chip', style: 'background:' + alpha(faultColour(f.kind, kinds), 0.25), text: f.kind})),
        el('td', {text: seconds(f.start)}), el('td', {text: seconds(f.end) + (f.open ? ' (never ended)' : '')}),
        el('td', {class: 'mono', text: f.label}),
        el('td', {}, jumpLink(f.startIndex))))),
    faults.length > limit ? el('p', {class: 'note', text: '… ' + (faults.length - limit) + ' more'}) : null
  ]);
}
