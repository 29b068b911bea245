// Cumulative lines as an SVG, drawn from integer cents. Amounts are divided into pixels only to place
// points (geometry, not money): every figure the chart labels is formatted from the cents themselves.

import { dollars, monthShort } from './format.js';

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * months: ["2024-01", ...]; series: [{name, cls, values: [BigInt cents | null, ...]}].
 * Returns an <svg> with a title and description for screen readers (the page also shows the table).
 */
export function lineChart(months, series, title) {
  const W = 720, H = 300, L = 92, R = 16, T = 16, B = 36;
  let max = 0n;
  for (const s of series) for (const v of s.values) if (v !== null && v > max) max = v;
  if (max === 0n) max = 100n;
  const x = i => L + (months.length <= 1 ? 0 : (i * (W - L - R)) / (months.length - 1));
  const y = v => T + (H - T - B) * (1 - Number((v * 10000n) / max) / 10000);
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc', class: 'chart' });
  svg.appendChild(el('title', { id: 'chart-title' }, title));
  svg.appendChild(el('desc', { id: 'chart-desc' }, series.map(s => {
    const last = [...s.values].reverse().find(v => v !== null);
    return s.name + ': ' + (last === undefined ? 'no data' : dollars(last));
  }).join('; ')));
  // gridlines at quarters of the maximum
  for (let k = 0n; k <= 4n; k++) {
    const v = (max * k) / 4n;
    const yy = y(v);
    svg.appendChild(el('line', { x1: L, x2: W - R, y1: yy, y2: yy, class: 'grid' }));
    const whole = dollars((v / 100n) * 100n).replace(/\.\d\d$/, '');
    svg.appendChild(el('text', { x: L - 6, y: yy + 4, 'text-anchor': 'end', class: 'axis' }, whole));
  }
  months.forEach((m, i) => {
    svg.appendChild(el('text', { x: x(i), y: H - B + 18, 'text-anchor': 'middle', class: 'axis' }, monthShort(m)));
  });
  for (const s of series) {
    const pts = [];
    s.values.forEach((v, i) => { if (v !== null) pts.push(x(i).toFixed(1) + ',' + y(v).toFixed(1)); });
    if (pts.length === 0) continue;
    svg.appendChild(el('polyline', { points: pts.join(' '), class: 'line ' + s.cls, fill: 'none' }));
    s.values.forEach((v, i) => {
      if (v === null) return;
      const c = el('circle', { cx: x(i), cy: y(v), r: 3, class: 'dot ' + s.cls });
      c.appendChild(el('title', {}, s.name + ', ' + monthShort(months[i]) + ': ' + dollars(v)));
      svg.appendChild(c);
    });
  }
  return svg;
}
