// The society's home page: what it is, how many belong, how it grew, its live signed checkpoint (verified here),
// and its rules in numbers.

import * as api from './api.js';
import { ApiError } from './api.js';
import { lineChart } from './chart.js';
import { CheckpointWatcher } from './checkpoint.js';
import { ago, formatNumber, formatTime, t } from './messages.js';
import {
  $, dateElement, el, fact, parameterGroups, problemText, reasonText, shell, show, startPage,
} from './ui.js';

const POLL_MS = 4000;
const POINTS = 40;

let series = null;
let checkedAt = null;

function renderSociety(s) {
  $('society').removeAttribute('aria-busy');
  $('society-name').textContent = s.name;
  $('society-purpose').textContent = s.purpose;
  renderNumbers(s);
  const facts = [
    fact(t('home.founded'), dateElement(s.genesisTime)),
    fact(t('home.entries'), el('span', { id: 'home-entries', text: formatNumber(s.treeSize) })),
    fact(t('home.stage'), s.stage.name + (s.stage.founderRetired ? ' · ' + t('home.stage.retired') : '')),
  ];
  $('home-facts').replaceChildren(...facts);
  api.personOrNull(0).then((founder) => {
    if (founder) {
      $('home-facts').prepend(fact(t('home.founder'), founder.name));
    }
  }).catch(() => {});
  renderParameters(s.parameters || []);
}

/** The numbers, which change with every block: redrawn as the node announces new blocks. */
function renderNumbers(s) {
  const counts = s.citizens || {};
  const stat = (key, value, id) => el('div', { class: 'stat', id },
    el('dt', { text: t(key) }), el('dd', { text: formatNumber(value || 0) }));
  $('home-stats').replaceChildren(
    stat('home.stat.citizens', counts.citizen, 'stat-citizens'),
    stat('home.stat.applicants', counts.applicant, 'stat-applicants'),
    stat('home.stat.eResidents', counts['e-resident'], 'stat-e-residents'),
    stat('home.stat.hostResidents', counts['host-resident'], 'stat-host-residents'));
  const entries = $('home-entries');
  if (entries) {
    entries.textContent = formatNumber(s.treeSize);
  }
}

function renderParameters(params) {
  $('society-parameter-list').replaceChildren(...parameterGroups(params));
}

// ---- citizens over time ---------------------------------------------------------------------------------------------

async function loadGrowth() {
  try {
    const answer = await api.timeline(POINTS);
    series = (answer.points || []).map((p) => ({ x: p.time, y: p.members }));
    drawGrowth();
    show($('growth-error'), '');
  } catch (e) {
    show($('growth-error'), t('home.growthFailed', { problem: problemText(e) }));
  }
}

function drawGrowth() {
  if (!series || series.length === 0) {
    return;
  }
  const first = series[0];
  const last = series[series.length - 1];
  const span = last.x - first.x;
  const formatX = (x) => (span < 2 * 86400000
    ? new Intl.DateTimeFormat(t('locale'), { timeStyle: 'short' }).format(new Date(x))
    : new Intl.DateTimeFormat(t('locale'), { dateStyle: 'medium' }).format(new Date(x)));
  const description = t('home.growthSummary', { from: formatNumber(first.y), to: formatNumber(last.y),
    start: formatTime(first.x, { full: true }), end: formatTime(last.x, { full: true }) });
  lineChart($('growth-chart'), series, { title: t('home.growth'), description, formatX,
    formatY: (y) => formatNumber(y), id: 'growth-chart-svg' });
  $('growth-caption').textContent = description;
  $('growth-body').replaceChildren(...series.map((p) => el('tr', {},
    el('td', {}, el('time', { datetime: new Date(p.x).toISOString(), text: formatTime(p.x, { full: true }) })),
    el('td', { class: 'num', text: formatNumber(p.y) }))));
}

// ---- the live checkpoint ------------------------------------------------------------------------------------------

function setBadge(node, state, text) {
  node.dataset.state = state;
  const mark = { valid: '✓', invalid: '✗' }[state];
  node.replaceChildren(...(mark ? [el('span', { class: 'mark', 'aria-hidden': 'true', text: mark }), ' '] : []), text);
}

async function followCheckpoint(watcher) {
  let next = POLL_MS;
  try {
    const r = await watcher.poll();
    checkedAt = Date.now();
    show($('checkpoint-error'), '');
    if (r.changed) {
      if (r.size !== null) {
        $('checkpoint-size').textContent = formatNumber(r.size);
      }
      setBadge($('checkpoint-signature'), r.signed ? 'valid' : 'invalid', r.signed ? t('checkpoint.signatureValid')
        : t('checkpoint.signatureInvalidWhy', { reason: reasonText(r.reason) }));
      if (r.consistent !== null) {
        setBadge($('checkpoint-consistency'), r.consistent ? 'valid' : 'invalid',
          t(r.consistent ? 'checkpoint.consistent' : 'checkpoint.inconsistent',
            { size: formatNumber(r.previousSize) }));
        if (r.consistent) {
          refreshNumbers();
        }
      }
    }
  } catch (e) {
    const text = e instanceof ApiError ? t('checkpoint.unreachable', { problem: problemText(e) })
      : t('checkpoint.cannotVerify', { reason: problemText(e) });
    show($('checkpoint-error'), text);
    next = POLL_MS * 2;
  }
  $('checkpoint-checked').textContent = checkedAt ? ago(checkedAt) : '–';
  setTimeout(() => followCheckpoint(watcher), next);
}

async function refreshNumbers() {
  try {
    shell.society = await api.society();
    renderSociety(shell.society);
    loadGrowth();
  } catch (e) {
    // the next checkpoint tries again
  }
}

async function start() {
  await startPage('home.title');
  setBadge($('checkpoint-signature'), 'pending', t('checkpoint.signatureChecking'));
  setBadge($('checkpoint-consistency'), 'idle', t('checkpoint.consistencyNone'));
  const s = shell.society;
  if (!s) {
    show($('society-error'), t('society.failed', { problem: t('problem.NETWORK') }));
    return;
  }
  renderSociety(s);
  if (shell.person) {
    const join = $('home-join');
    join.href = 'me';
    join.textContent = t('home.me');
  }
  loadGrowth();
  followCheckpoint(new CheckpointWatcher(s));
  globalThis.addEventListener('phyle:block', async (e) => {
    if (!e.detail.first) {
      try {
        renderNumbers(await api.society());
      } catch (err) {
        // the next block tries again
      }
    }
  });
  let resizing = null;
  globalThis.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(drawGrowth, 150);
  });
  setInterval(() => {
    $('checkpoint-checked').textContent = checkedAt ? ago(checkedAt) : '–';
  }, 1000);
}

start();
