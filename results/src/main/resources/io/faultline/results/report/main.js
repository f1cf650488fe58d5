'use strict';
// Reads the embedded model and renders each section. Sets body[data-ready] when done (tests wait for it)
// and body[data-failed] with the message when a section failed.

(async function main() {
  const model = JSON.parse(document.getElementById('report-data').textContent);
  const steps = [
    () => renderSummary(model),
    () => renderCounterexamples(model),
    () => renderLostWrites(model),
    () => renderCharts(model),
    () => renderResults(model),
  ];
  const failures = [];
  for (const step of steps) {
    try { step(); } catch (e) { failures.push(e); console.error(e); }
  }
  for (const a of document.querySelectorAll('nav a[data-needs]')) {
    const need = a.getAttribute('data-needs');
    a.hidden = model[need].length === 0 && !(need === 'counterexamples' && model.shrunkCounterexample);
  }
  try { await renderTimeline(); } catch (e) { failures.push(e); console.error(e); }
  if (failures.length) document.body.setAttribute('data-failed', failures.map(String).join('; '));
  document.body.setAttribute('data-ready', 'true');
})();
