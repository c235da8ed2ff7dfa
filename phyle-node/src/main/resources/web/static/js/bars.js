// Small hand-written SVG bar charts for tallies, drawn at the pixel width of their container (like chart.js's line
// chart) so that their text stays readable on a phone: one bar per option (winners and eliminated options marked,
// negative scores left of zero), and stacked bars (yes, no, abstain) against a marker such as the quorum. Colours
// come from the stylesheet (.bar-*). Each chart is an image with a title and a description; pages put the numbers
// in a table beside it.

import { el } from './ui.js';

const ROW = 42; // an option: its label, then its bar
const STACK_ROW = 70; // a stacked bar: its label, the bar, its marker's label
const CHAR = 7.4; // the average width of a character of .bar-label (13px), for cutting long labels

const svg = (tag, attrs, ...children) => el('svg:' + tag, attrs, ...children);

function clip(text, px) {
  const max = Math.max(4, Math.floor(px / CHAR));
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

function widthOf(container) {
  return Math.max(260, Math.round(container.clientWidth || 560));
}

function chart(container, width, height, { title, description, id }, children) {
  const node = svg('svg', { class: 'chart bars', viewBox: '0 0 ' + width + ' ' + height, width, height,
    role: 'img', 'aria-labelledby': id + '-title ' + id + '-desc', focusable: 'false', id },
  svg('title', { id: id + '-title', text: title }),
  svg('desc', { id: id + '-desc', text: description }),
  ...children);
  container.replaceChildren(node);
  return node;
}

/** A vertical marker line with its label, kept inside the chart. */
function markerAt(x, top, bottom, labelY, label, width) {
  const anchor = x < width * 0.2 ? 'start' : x > width * 0.8 ? 'end' : 'middle';
  return [svg('line', { class: 'bar-marker', x1: x, x2: x, y1: top, y2: bottom }),
    svg('text', { class: 'bar-marker-label', x, y: labelY, 'text-anchor': anchor, text: label })];
}

/**
 * One bar per row: rows are {label, value, valueText, mark} with mark 'winner', 'out' or null. Options: title,
 * description, id, and marker {value, label} (a vertical line, such as a majority).
 */
export function optionBars(container, rows, { title, description, id, marker = null }) {
  const width = widthOf(container);
  const top = marker ? 22 : 4;
  const values = rows.map((r) => r.value);
  const min = Math.min(0, ...values);
  const max = Math.max(1, ...values, marker ? marker.value : 0);
  const x = (v) => ((v - min) / (max - min)) * (width - 2) + 1;
  const height = top + rows.length * ROW + 4;
  const parts = [];
  rows.forEach((r, i) => {
    const y = top + i * ROW;
    const valueText = r.valueText ?? String(r.value);
    parts.push(
      svg('text', { class: 'bar-label', x: 0, y: y + 14, text: clip(r.label, width - valueText.length * CHAR - 12) }),
      svg('text', { class: 'bar-value', x: width, y: y + 14, 'text-anchor': 'end', text: valueText }),
      svg('rect', { class: 'bar-track', x: 0, y: y + 21, width, height: 13, rx: 3 }),
      svg('rect', { class: 'bar', 'data-mark': r.mark || 'none', x: x(Math.min(0, r.value)), y: y + 21,
        width: Math.max(r.value === 0 ? 0 : 2, Math.abs(x(r.value) - x(0))), height: 13, rx: 3 }));
  });
  if (min < 0) {
    parts.push(svg('line', { class: 'bar-zero', x1: x(0), x2: x(0), y1: top, y2: height - 2 }));
  }
  if (marker) {
    parts.push(...markerAt(x(marker.value), 16, height - 2, 11, marker.label, width));
  }
  return chart(container, width, height, { title, description, id }, parts);
}

/**
 * Stacked bars: each {label, total, segments: [{value, kind}], marker: {value, label}}, a segment's kind naming its
 * colour (.bar-<kind>: yes, no, abstain). The track is the bar's total.
 */
export function stackedBars(container, bars, { title, description, id }) {
  const width = widthOf(container);
  const height = bars.length * STACK_ROW;
  const parts = [];
  bars.forEach((b, i) => {
    const y = i * STACK_ROW;
    const scale = (v) => (b.total > 0 ? (v / b.total) * width : 0);
    parts.push(svg('text', { class: 'bar-label', x: 0, y: y + 15, text: clip(b.label, width) }),
      svg('rect', { class: 'bar-track', x: 0, y: y + 24, width, height: 20, rx: 3 }));
    let at = 0;
    for (const s of b.segments) {
      if (s.value > 0) {
        parts.push(svg('rect', { class: 'bar-' + s.kind, x: scale(at), y: y + 24, width: scale(s.value), height: 20 }));
      }
      at += s.value;
    }
    if (b.marker) {
      parts.push(...markerAt(Math.min(width - 1, Math.max(1, scale(b.marker.value))), y + 19, y + 49, y + 63,
        b.marker.label, width));
    }
  });
  return chart(container, width, height, { title, description, id }, parts);
}
