// A tally in charts and tables: who took part against the quorum; yes against no with the threshold marked; each
// option's score (winners marked) and the quadratic credits spent; every instant-runoff round; and, where an outside
// panel voted, the citizens' shares, the panel's and the combined result side by side. The numbers are always in a
// table beside the chart. `box` must already be in the page, since charts are drawn at its width.

import { optionBars, stackedBars } from './bars.js';
import { bpText, thresholdFraction, thresholdText } from './governance.js';
import { formatNumber, formatPercent, t } from './messages.js';
import { el, fact } from './ui.js';

const pct = (part, whole) => (whole > 0 ? formatPercent(part / whole, 1) : '–');

function table(id, caption, head, rows) {
  // a region that scrolls sideways on a narrow screen, reachable by keyboard (arrow keys scroll it)
  return el('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('table.scroll', { caption }) },
    el('table', { id },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: i > 0 ? 'num' : null,
      text: h })))),
    el('tbody', {}, ...rows.map((r) => el('tr', r.attrs || {}, el('th', { scope: 'row', text: r.cells[0] }),
      ...r.cells.slice(1).map((c) => el('td', { class: 'num', text: c })))))));
}

/** Renders the tally of proposal `p` (GET proposals/{id}: its `tally`, `rules`, `options`) into `box`. */
export function renderResults(box, p) {
  const tally = p.tally;
  const final = Boolean(p.tallyFinal);
  box.replaceChildren(
    el('h3', { id: 'results-title', text: t(final ? 'results.final' : 'results.provisional') }),
    el('p', { class: 'hint', text: final ? t(tally.passed ? 'results.passed' : 'results.failed')
      : t('results.provisionalHint') }),
    el('dl', { class: 'facts', id: 'results-facts' },
      fact(t('results.electorate'), formatNumber(tally.electorate)),
      fact(t('results.ballots'), formatNumber(tally.ballots)),
      fact(t('results.delegated'), t('results.delegatedValue', { n: formatNumber(tally.delegated),
        fell: formatNumber(tally.fellBack) })),
      fact(t('results.participants'), t('results.participantsValue', { n: formatNumber(tally.participants),
        need: formatNumber(tally.quorumRequired), quorum: bpText(p.rules.quorumBp) })),
      fact(t('results.quorum'), t(tally.quorumMet ? 'results.quorumMet' : 'results.quorumNotMet')),
      tally.method === 'quadratic' ? fact(t('results.creditsSpent'), formatNumber(tally.creditsSpent)) : null));
  const quorum = el('div', { class: 'chart-box', id: 'chart-quorum-box' });
  box.append(quorum);
  stackedBars(quorum, [{ label: t('results.turnout'), total: Math.max(1, tally.electorate),
    segments: [{ value: tally.participants, kind: 'yes' }],
    marker: { value: tally.quorumRequired, label: t('results.quorumMarker', { n: formatNumber(tally.quorumRequired) }) } }],
  { id: 'chart-quorum', title: t('results.turnout'), description: t('results.participantsValue', {
    n: formatNumber(tally.participants), need: formatNumber(tally.quorumRequired), quorum: bpText(p.rules.quorumBp) }) });

  if (tally.method === 'yes-no') {
    yesNo(box, p, tally);
  } else {
    scores(box, p, tally);
  }
  if (tally.method === 'ranked' && Array.isArray(tally.rounds)) {
    rounds(box, p, tally);
  }
  if (tally.outside) {
    outside(box, p, tally);
  }
}

function yesNo(box, p, tally) {
  const decided = tally.yes + tally.no;
  const needed = thresholdFraction(p.rules.threshold);
  const chartBox = el('div', { class: 'chart-box', id: 'chart-yes-no-box' });
  // with an outside panel the top-level numbers are weighted: the table shows the citizens' own ballots, and shares
  const own = tally.outside ? tally.outside.citizenScores : [tally.yes, tally.no, tally.abstain];
  box.append(chartBox, table('yes-no-table', t('results.yesNoCaption'), [t('results.choice'),
    t(tally.outside ? 'results.citizenVotes' : 'results.votes'), t('results.share')], [
    { cells: [t('choice.yes'), formatNumber(own[0]), pct(tally.yes, decided)] },
    { cells: [t('choice.no'), formatNumber(own[1]), pct(tally.no, decided)] },
    { cells: [t('choice.abstain'), formatNumber(own[2]), '–'] }]));
  stackedBars(chartBox, [{ label: t('results.yesAgainstNo', { yes: pct(tally.yes, decided), no: pct(tally.no, decided) }),
    total: Math.max(1, decided), segments: [{ value: tally.yes, kind: 'yes' }, { value: tally.no, kind: 'no' }],
    marker: { value: needed * decided, label: thresholdText(p.rules.threshold) } }],
  { id: 'chart-yes-no', title: t('results.yesNoCaption'), description: t('results.yesNoDesc', {
    yes: formatNumber(tally.yes), no: formatNumber(tally.no), abstain: formatNumber(tally.abstain),
    threshold: thresholdText(p.rules.threshold) }) });
}

function scores(box, p, tally) {
  const winners = new Set(tally.winners || []);
  const list = tally.scores || [];
  const chartBox = el('div', { class: 'chart-box', id: 'chart-scores-box' });
  const heading = tally.method === 'ranked' ? t('results.firstChoices') : t('results.scores');
  const firstRound = tally.method === 'ranked' && tally.rounds && tally.rounds.length ? tally.rounds[0].counts : null;
  const value = (s) => (firstRound ? firstRound[s.option] : s.score);
  box.append(chartBox, table('scores-table', heading, [t('results.option'), t('results.score')],
    list.map((s) => ({ attrs: { 'data-winner': String(winners.has(s.option)) },
      cells: [(winners.has(s.option) ? '★ ' : '') + s.label, formatNumber(value(s))] }))));
  optionBars(chartBox, list.map((s) => ({ label: s.label, value: value(s), valueText: formatNumber(value(s)),
    mark: winners.has(s.option) && !firstRound ? 'winner' : null })),
  { id: 'chart-scores', title: heading, description: list.map((s) => s.label + ': ' + formatNumber(value(s)))
    .join('; ') });
}

function rounds(box, p, tally) {
  const winners = new Set(tally.winners || []);
  const out = new Set();
  const section = el('div', { class: 'rounds', id: 'rounds' }, el('h4', { class: 'label',
    text: t('results.rounds', { n: formatNumber(tally.rounds.length) }) }));
  box.append(section);
  const rows = [];
  tally.rounds.forEach((round, r) => {
    const last = r === tally.rounds.length - 1;
    const counting = round.counts.reduce((a, b) => a + b, 0);
    const live = p.options.map((label, i) => ({ label, i })).filter((o) => !out.has(o.i));
    const chartBox = el('div', { class: 'chart-box round', id: 'round-' + (r + 1) + '-box' });
    section.append(el('h5', { class: 'round-title', text: t('results.round', { n: formatNumber(r + 1) }) }), chartBox);
    optionBars(chartBox, live.map((o) => ({ label: o.label, value: round.counts[o.i],
      valueText: formatNumber(round.counts[o.i]),
      mark: round.eliminated === o.i ? 'out' : last && winners.has(o.i) ? 'winner' : null })),
    { id: 'chart-round-' + (r + 1), title: t('results.round', { n: formatNumber(r + 1) }),
      marker: { value: counting / 2, label: t('results.half', { n: formatNumber(Math.floor(counting / 2) + 1) }) },
      description: live.map((o) => o.label + ': ' + formatNumber(round.counts[o.i])).join('; ')
        + (round.eliminated !== undefined ? '. ' + t('results.eliminated', { option: p.options[round.eliminated] })
          : '') });
    rows.push({ attrs: { 'data-round': r + 1 }, cells: [formatNumber(r + 1), ...p.options.map((_, i) => (out.has(i)
      ? '–' : formatNumber(round.counts[i]) + (round.eliminated === i ? ' ✗' : last && winners.has(i) ? ' ★' : ''))),
    formatNumber(round.exhausted)] });
    if (round.eliminated !== undefined) {
      out.add(round.eliminated);
    }
  });
  section.append(table('rounds-table', t('results.roundsCaption'), [t('results.roundNumber'), ...p.options,
    t('results.exhausted')], rows), el('p', { class: 'hint', text: t('results.roundsKey') }));
}

function outside(box, p, tally) {
  const x = tally.outside;
  const labels = tally.method === 'yes-no' ? [t('choice.yes'), t('choice.no'), t('choice.abstain')] : p.options;
  const combined = tally.method === 'yes-no' ? [tally.yes, tally.no, tally.abstain]
    : tally.method === 'ranked' && tally.rounds && tally.rounds.length ? tally.rounds[0].counts
      : (tally.scores || []).map((s) => s.score);
  const sum = (a) => a.reduce((s, v) => s + Math.max(0, v), 0);
  const [c, pn, all] = [sum(x.citizenScores), sum(x.panelScores), sum(combined)];
  box.append(el('div', { class: 'outside', id: 'outside-results' },
    el('h4', { class: 'label', text: t('results.outside') }),
    el('p', { class: 'hint', text: t('results.outsideHint', { share: bpText(x.shareBp),
      panel: formatNumber(x.panelBallots), size: formatNumber(x.panelSize) }) }),
    table('outside-table', t('results.outsideCaption'), [t('results.option'), t('results.citizens'),
      t('results.panel'), t('results.combined')], labels.map((label, i) => ({ cells: [label,
      formatNumber(x.citizenScores[i] ?? 0) + ' (' + pct(Math.max(0, x.citizenScores[i] ?? 0), c) + ')',
      formatNumber(x.panelScores[i] ?? 0) + ' (' + pct(Math.max(0, x.panelScores[i] ?? 0), pn) + ')',
      pct(Math.max(0, combined[i] ?? 0), all)] })))));
}
