// A small hand-written SVG chart of money by period: for each period an income bar and a spending bar side by side,
// drawn at the pixel width of its container like chart.js and bars.js. Colours come from the stylesheet
// (.flow-income, .flow-spending). The SVG is an image with a title and a description; the page puts the numbers in a
// table. Heights are pixels: amounts arrive as numbers for drawing only (currency.js's unitsForDrawing).

import { niceScale } from './chart.js';
import { el } from './ui.js';

const HEIGHT = 200;
const MARGIN = { top: 14, right: 8, bottom: 30, left: 56 };

const svg = (tag, attrs, ...children) => el('svg:' + tag, attrs, ...children);

/**
 * Draws periods [{label, income, spending}] into the container. Options: title, description, id, formatY(value) for
 * the axis, legend {income, spending} (the words beside the colours).
 */
export function flowBars(container, periods, { title, description, id, formatY = String, legend }) {
  const width = Math.max(280, Math.round(container.clientWidth || 600));
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const { top, step } = niceScale(Math.max(0, ...periods.flatMap((p) => [p.income, p.spending])));
  const py = (v) => MARGIN.top + innerH - (v / top) * innerH;
  const slot = innerW / Math.max(1, periods.length);
  const bar = Math.max(3, Math.min(28, slot * 0.32));
  const parts = [];
  for (let v = 0; v <= top; v += step) {
    parts.push(svg('line', { class: 'chart-grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: py(v), y2: py(v) }),
      svg('text', { class: 'chart-label', x: MARGIN.left - 6, y: py(v) + 4, 'text-anchor': 'end', text: formatY(v) }));
  }
  const labelEvery = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(innerW / 70))));
  periods.forEach((p, i) => {
    const mid = MARGIN.left + slot * (i + 0.5);
    for (const [kind, value, x] of [['income', p.income, mid - bar - 1], ['spending', p.spending, mid + 1]]) {
      const h = Math.max(value > 0 ? 1.5 : 0, py(0) - py(value));
      parts.push(svg('rect', { class: 'flow-' + kind, x, y: py(0) - h, width: bar, height: h, rx: 2 }));
    }
    if (i % labelEvery === 0) {
      parts.push(svg('text', { class: 'chart-label', x: mid, y: HEIGHT - 10, 'text-anchor': 'middle', text: p.label }));
    }
  });
  parts.push(svg('line', { class: 'chart-axis', x1: MARGIN.left, x2: width - MARGIN.right, y1: py(0), y2: py(0) }));
  const chart = svg('svg', { class: 'chart flow', viewBox: '0 0 ' + width + ' ' + HEIGHT, width, height: HEIGHT,
    role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc', focusable: 'false', id },
  svg('title', { id: id + '-title', text: title }),
  svg('desc', { id: id + '-desc', text: description }),
  ...parts);
  const key = legend ? el('p', { class: 'flow-legend', 'aria-hidden': 'true' },
    el('span', { class: 'flow-key flow-key-income' }), ' ', legend.income, ' ',
    el('span', { class: 'flow-key flow-key-spending' }), ' ', legend.spending) : null;
  container.replaceChildren(chart, ...(key ? [key] : []));
  return chart;
}
