// A small hand-written SVG line chart: a series of {x, y} drawn at the pixel width of its container, so that its
// text stays readable on a phone. Colours come from the stylesheet (.chart-*). The SVG is an image with a title and
// a description for screen readers; pages also offer the numbers as a table.

import { el } from './ui.js';

const HEIGHT = 220;
const MARGIN = { top: 16, right: 18, bottom: 30, left: 44 };

/** A round upper bound for the y axis and its step: 1, 2 or 5 times a power of ten. */
export function niceScale(max, ticks = 4) {
  if (!(max > 0)) {
    return { top: 1, step: 1 };
  }
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * Draws the series into the container (replacing what was there). Options: title, description (for screen
 * readers), formatX(x) and formatY(y) for the axis labels, id (a prefix for element ids).
 */
export function lineChart(container, points, { title, description, formatX = String, formatY = String,
  id = 'chart' } = {}) {
  const width = Math.max(280, Math.round(container.clientWidth || 600));
  const innerW = width - MARGIN.left - MARGIN.right;
  const innerH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const { top, step } = niceScale(Math.max(...points.map((p) => p.y), 0));
  const px = (x) => MARGIN.left + ((x - x0) / (x1 - x0)) * innerW;
  const py = (y) => MARGIN.top + innerH - (y / top) * innerH;
  const svg = (tag, attrs, ...children) => el('svg:' + tag, attrs, ...children);

  const grid = [];
  for (let y = 0; y <= top; y += step) {
    grid.push(svg('line', { class: 'chart-grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: py(y), y2: py(y) }),
      svg('text', { class: 'chart-label', x: MARGIN.left - 8, y: py(y) + 4, 'text-anchor': 'end', text: formatY(y) }));
  }
  const xLabels = [x0, (x0 + x1) / 2, x1].map((x, i) => svg('text', { class: 'chart-label', x: px(x),
    y: HEIGHT - 8, 'text-anchor': ['start', 'middle', 'end'][i], text: formatX(x) }));
  const line = points.map((p) => px(p.x).toFixed(1) + ',' + py(p.y).toFixed(1)).join(' ');
  const area = 'M' + px(points[0].x).toFixed(1) + ',' + py(0) + ' L' + line.replace(/ /g, ' L') + ' L'
    + px(points[points.length - 1].x).toFixed(1) + ',' + py(0) + ' Z';
  const last = points[points.length - 1];

  const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + width + ' ' + HEIGHT, width, height: HEIGHT,
    role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc', focusable: 'false' },
  svg('title', { id: id + '-title', text: title }),
  svg('desc', { id: id + '-desc', text: description }),
  ...grid,
  svg('line', { class: 'chart-axis', x1: MARGIN.left, x2: width - MARGIN.right, y1: py(0), y2: py(0) }),
  svg('path', { class: 'chart-area', d: area }),
  svg('polyline', { class: 'chart-line', points: line }),
  svg('circle', { class: 'chart-dot', cx: px(last.x), cy: py(last.y), r: 4.5 }),
  ...xLabels);
  container.replaceChildren(chart);
  return chart;
}
