// The charter page: the charter in force (checked against its hash here), its versions, the five stages of the
// handover on a timeline with the founder's powers now and what the next stage changes, the offices, and the canon:
// essays and proposed articles to read (#text=<id>), publish and endorse, signed in this browser.

import * as api from './api.js';
import { verifiedCharter } from './charter.js';
import * as feedback from './feedback.js';
import { mountDiscussion } from './discussion.js';
import { fieldError, renderKeyPanel } from './key-panel.js';
import { formatNumber, has, t } from './messages.js';
import { nextChanges, progressToNext, stageStates } from './stages.js';
import { send } from './tx.js';
import {
  $, code, dateElement, el, fact, fill, parameterGroups, peopleLinks, personLink, problemText, receiptUrl, shell,
  shortDid, shortHex, startPage, timeElement,
  onIdentityChange,
} from './ui.js';

const PAGE = 20;
const KINDS = ['all', 'essay', 'article'];
const DEFAULT_STAGE_NAMES = { founding: 'Founding', community: 'Community', republic: 'Republic',
  commonwealth: 'Commonwealth', sovereign: 'Sovereign' };

const state = {
  charter: null,
  kind: 'all',
  texts: [],
  next: null,
  required: 10,
  attestations: [],
  text: null, // the text being read
  discussion: null, // the discussion of the text being read
};

const me = () => (shell.person && shell.identity && shell.person.did === shell.identity.did ? shell.person : null);

/** A stage's name: the society's own, or this language's word for the default one. */
function stageName(s) {
  return s.name === DEFAULT_STAGE_NAMES[s.id] && has('stage.' + s.id) ? t('stage.' + s.id) : s.name;
}

function powerText(who, p) {
  return has('power.' + who + '.' + p.power) ? t('power.' + who + '.' + p.power) : p.description;
}

function mark(text) {
  return el('span', { class: 'mark', 'aria-hidden': 'true', text });
}

// ---- the charter ----------------------------------------------------------------------------------------------------

async function loadCharter() {
  const verdict = $('charter-verdict');
  verdict.textContent = t('charter.checking');
  try {
    const c = await verifiedCharter(shell.society);
    state.charter = c;
    verdict.dataset.verified = String(c.verified);
    verdict.replaceChildren(mark(c.verified ? '✓' : '✗'), ' ',
      c.verified ? t('charter.verified', { hash: shortHex(c.hash), version: formatNumber(c.version) })
        : !c.matches ? t('charter.mismatch', { computed: shortHex(c.computed), claimed: shortHex(c.hash) })
          : t('charter.notInForce'));
    renderCharter(c);
    renderHandover(c.handover);
    renderOffices(c.offices);
  } catch (e) {
    verdict.dataset.verified = 'false';
    verdict.textContent = t('charter.failed', { problem: problemText(e) });
  } finally {
    $('charter').removeAttribute('aria-busy');
  }
}

function renderCharter(c) {
  const doc = c.document && typeof c.document === 'object' ? c.document : {};
  const entrenched = new Set(Array.isArray(doc.entrenched) ? doc.entrenched.map(String) : []);
  const current = (c.versions || []).find((v) => v.version === c.version);
  fill($('charter-facts'),
    fact(t('charter.version'), el('span', { id: 'charter-version', text: formatNumber(c.version) })),
    current ? fact(t('charter.since'), dateElement(current.since)) : null,
    fact(t('charter.hash'), code(c.hash, { id: 'charter-hash' })));
  const entrenchedMark = (target) => (entrenched.has(target)
    ? el('span', { class: 'pill entrenched', 'data-status': 'entrenched', text: t('charter.entrenched') }) : null);
  const articles = doc.articles && typeof doc.articles === 'object' ? Object.entries(doc.articles) : [];
  fill($('charter-document'),
    el('h2', { class: 'charter-name', text: String(doc.name || '') }),
    el('div', { class: 'article-head' }, el('h3', { class: 'label', text: t('charter.purpose') }),
      entrenchedMark('purpose')),
    el('p', { class: 'charter-purpose', text: String(doc.purpose || '') }),
    articles.length ? el('h3', { class: 'label', text: t('charter.articles') }) : null,
    ...articles.map(([name, text]) => el('section', { class: 'article', 'data-article': name,
      'data-entrenched': String(entrenched.has('article:' + name)) },
    el('div', { class: 'article-head' }, el('h4', { class: 'article-name', text: name }),
      entrenchedMark('article:' + name)),
    el('p', { class: 'article-text', text: String(text) }))),
    entrenched.size ? el('p', { class: 'hint', text: t('charter.entrenchedHint', {
      bp: formatNumber(paramValue('charter.entrenchedBp', 6667) / 100) }) }) : null);
  const specs = new Map((c.parameters || []).map((p) => [p.name, p]));
  const rules = Object.entries(doc.parameters && typeof doc.parameters === 'object' ? doc.parameters : {})
    .map(([name, value]) => ({ ...(specs.get(name) || {}), name, value }));
  $('charter-parameters').replaceChildren(...parameterGroups(rules));
  $('charter-canonical').textContent = c.canonical;
  $('charter-hash-line').replaceChildren(t('charter.hashLine'), ' ', code(c.computed));
  const versions = [...(c.versions || [])].sort((a, b) => b.version - a.version);
  $('charter-versions').replaceChildren(...versions.map((v) => el('li', { class: 'version', 'data-version': v.version,
    'data-current': String(v.version === c.version) },
  el('div', { class: 'version-head' },
    el('strong', { text: t('charter.versionN', { version: formatNumber(v.version) }) }), ' ',
    el('span', { class: 'version-summary', text: v.summary }),
    v.version === c.version ? el('span', { class: 'pill', 'data-status': 'citizen', text: t('charter.inForce') })
      : null),
  el('p', { class: 'hint version-foot' }, dateElement(v.since), ' · ', el('a', { href: receiptUrl(v.enactedBy),
    text: t('charter.enactedBy') }), ' · ', el('code', { class: 'id', text: shortHex(v.hash) })))));
}

function paramValue(name, fallback) {
  const p = shell.society && (shell.society.parameters || []).find((x) => x.name === name);
  return p ? p.value : fallback;
}

// ---- the stages ---------------------------------------------------------------------------------------------------

function renderHandover(h) {
  const stages = stageStates(h);
  const progress = progressToNext(h);
  const nowParts = [el('p', { class: 'stage-current', id: 'stage-current' }, t('stages.now', {
    stage: stageName(h.stage), n: formatNumber(h.stage.ordinal + 1), of: formatNumber(stages.length),
    citizens: formatNumber(h.citizensNow) }))];
  if (progress) {
    const label = t('stages.progress', { now: formatNumber(progress.now), threshold: formatNumber(progress.threshold),
      stage: stageName(h.next), needed: formatNumber(progress.needed) });
    nowParts.push(el('div', { class: 'stage-progress' },
      el('label', { for: 'stage-progress', id: 'stage-progress-label', text: label }),
      el('progress', { id: 'stage-progress', max: progress.threshold, value: progress.now })));
  } else {
    nowParts.push(el('p', { class: 'hint', text: t('stages.last') }));
  }
  fill($('stage-now'), ...nowParts);

  $('stage-timeline').replaceChildren(...stages.map((s) => {
    const marker = { done: '✓', current: '●', future: '○' }[s.state];
    const when = s.began
      ? el('p', { class: 'stage-began' }, t('stages.began', { height: formatNumber(s.began.height) }), ' ',
        timeElement(s.began.time, { full: true }), el('span', { class: 'hint', text: ' — ' + s.began.cause }))
      : el('p', { class: 'stage-began hint', text: h.next && h.next.id === s.id
        ? t('stages.notYetNext', { threshold: formatNumber(s.threshold), needed: formatNumber(h.next.citizensNeeded) })
        : t('stages.notYet', { threshold: formatNumber(s.threshold) }) });
    const powers = (title, who, list) => el('div', { class: 'stage-powers' },
      el('p', { class: 'stage-powers-title', text: title }),
      list.length ? el('ul', { class: 'powers' }, ...list.map((p) => el('li', { 'data-power': p.power,
        text: powerText(who, p) }))) : el('p', { class: 'hint', text: t('stages.nothingMore') }));
    return el('li', { class: 'stage', 'data-stage': s.id, 'data-state': s.state,
      'aria-current': s.state === 'current' ? 'step' : null },
    el('span', { class: 'stage-marker', 'aria-hidden': 'true', text: marker }),
    el('div', { class: 'stage-body' },
      el('h3', { class: 'stage-name' }, stageName(s), ' ',
        el('span', { class: 'stage-state', text: t('stages.state.' + s.state) })),
      el('p', { class: 'stage-threshold hint', text: s.ordinal === 0 ? t('stages.fromGenesis')
        : t('stages.threshold', { threshold: formatNumber(s.threshold) }) }),
      when,
      el('div', { class: 'stage-powers-row' },
        powers(t('stages.founderMay'), 'founder', s.founderPowers),
        powers(t('stages.citizensMay'), 'community', s.communityPowers))));
  }));
  renderFounder(h);
}

async function renderFounder(h) {
  const f = h.founder;
  const founder = shell.society ? await api.personOrNull(shell.society.founder).catch(() => null) : null;
  const name = founder ? founder.name : t('founder.theFounder');
  const status = $('founder-status');
  status.dataset.retired = String(f.retired);
  status.replaceChildren(...(f.retired
    ? [t('founder.retired', { name, height: formatNumber(f.retiredHeight) }), ' ', dateElement(f.retiredAt)]
    : [f.powers.length ? t('founder.notRetired', { name, stage: stageName(h.stage) })
      : t('founder.noPowers', { name, stage: stageName(h.stage) })]));
  $('founder-powers').replaceChildren(...f.powers.map((p) => el('li', { 'data-power': p.power,
    text: powerText('founder', p) })));
  $('founder-powers').hidden = f.powers.length === 0;
  const next = h.next;
  if (!next) {
    fill($('next-stage'), el('p', { class: 'hint', text: t('founder.lastStage') }));
    return;
  }
  const changes = nextChanges(h);
  const items = [
    ...changes.founderLoses.map((p) => el('li', { 'data-power': p.power, 'data-change': 'founder-loses' },
      t('founder.loses', { power: powerText('founder', p) }))),
    ...changes.communityGains.map((p) => el('li', { 'data-power': p.power, 'data-change': 'community-gains' },
      t('founder.gains', { power: powerText('community', p) }))),
  ];
  fill($('next-stage'),
    el('h4', { class: 'label', text: t('founder.nextTitle', { stage: stageName(next) }) }),
    el('p', { id: 'next-stage-when' }, t('founder.nextAt', { threshold: formatNumber(next.threshold),
      needed: formatNumber(next.citizensNeeded), stage: stageName(next) })),
    items.length ? el('ul', { class: 'powers', id: 'next-changes' }, ...items)
      : el('p', { class: 'hint', id: 'next-changes', text: t('founder.noChange') }),
    el('p', { class: 'hint', id: 'backstop' }, ...(next.backstopAt
      ? [t('founder.backstop', { stage: stageName(next) }), ' ', dateElement(next.backstopAt)]
      : [t('founder.noBackstop')])));
}

function renderOffices(o) {
  const council = o.council || { members: [] };
  fill($('offices-facts'),
    fact(t('offices.stewards'), peopleLinks(o.stewards || [], t('offices.none'), { id: 'offices-stewards' })),
    fact(t('offices.council'), council.members.length
      ? el('div', {}, peopleLinks(council.members, '', { id: 'offices-council' }),
        el('p', { class: 'hint' }, t('offices.term'), ' ', dateElement(council.since), ' – ',
          dateElement(council.until)))
      : el('span', { id: 'offices-council', text: t('offices.noCouncil') })));
  const events = [...(o.events || [])].reverse();
  $('offices-history').replaceChildren(...(events.length ? events.map((e) => el('li', { class: 'office-event' },
    timeElement(e.time, { full: true }), ' · ', t('offices.event', { what: e.what, authority: e.authority,
      height: formatNumber(e.height) })))
    : [el('li', { class: 'hint', text: t('offices.noEvents') })]));
}

// ---- the canon ----------------------------------------------------------------------------------------------------

async function loadCanon({ more = false } = {}) {
  const list = $('canon-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const answer = await api.canon({ kind: state.kind, before: more ? state.next : undefined, limit: PAGE });
    state.required = answer.endorsementsRequired;
    state.attestations = answer.attestations || [];
    state.texts = more ? [...state.texts, ...(answer.texts || [])] : answer.texts || [];
    state.next = answer.next;
    renderCanon(answer.count);
  } catch (e) {
    list.replaceChildren(el('li', { class: 'problem', text: problemText(e) }));
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function kindName(kind) {
  return has('canon.kind.' + kind) ? t('canon.kind.' + kind) : kind;
}

function endorsementLine(x) {
  if (x.kind === 'article' && !x.proposal) {
    const n = Math.min(x.endorsements, state.required);
    return el('div', { class: 'endorsement-progress' },
      el('span', { id: 'endorsements-' + x.id, text: t('canon.endorsementsOf', { n: formatNumber(x.endorsements),
        of: formatNumber(state.required) }) }),
      el('progress', { max: state.required, value: n, 'aria-labelledby': 'endorsements-' + x.id }));
  }
  return el('p', { class: 'hint endorsement-count', text: t(x.endorsements === 1 ? 'canon.endorsement'
    : 'canon.endorsements', { n: formatNumber(x.endorsements) }) });
}

function proposalLine(x) {
  if (!x.proposal) {
    return null;
  }
  const stateWord = x.proposalState ? (has('canon.proposalState.' + x.proposalState)
    ? t('canon.proposalState.' + x.proposalState) : x.proposalState) : '';
  return el('p', { class: 'canon-proposal' }, t('canon.becameProposal'), ' ',
    el('a', { href: 'proposals#proposal=' + x.proposal, text: t('canon.seeProposal', { state: stateWord }) }));
}

function renderCanon(count) {
  const recognised = new Set(state.attestations.map((a) => a.text));
  $('canon-summary').textContent = state.texts.length ? t('canon.count', { n: formatNumber(count) })
    : t('canon.none');
  $('canon-list').replaceChildren(...state.texts.map((x) => el('li', { class: 'canon-item', 'data-id': x.id,
    'data-kind': x.kind },
  el('div', { class: 'canon-head' },
    el('span', { class: 'tag', text: kindName(x.kind) }),
    x.target ? el('code', { class: 'canon-target', text: x.target }) : null,
    recognised.has(x.id) ? el('span', { class: 'pill', 'data-status': 'citizen', text: t('canon.adopted') }) : null),
  el('h3', { class: 'canon-title' }, el('a', { href: '#text=' + x.id, text: x.title })),
  el('p', { class: 'hint' }, t('canon.by'), ' ', writer(x), ' · ', dateElement(x.publishedAt)),
  el('p', { class: 'canon-excerpt', text: x.excerpt }),
  endorsementLine(x),
  proposalLine(x))));
  $('canon-more').hidden = state.next === null || state.next === undefined;
  $('canon-attestations').replaceChildren(...(state.attestations.length ? state.attestations.map((a) => el('li', {
    class: 'attestation', 'data-text': a.text },
  mark('★'), ' ',
  t('canon.recognised'), ' ', personLink(a.author), ' ', t('canon.recognisedFor', { target: a.target,
    version: formatNumber(a.charterVersion), height: formatNumber(a.height) }), ' ', dateElement(a.time), ' · ',
  el('a', { href: '#text=' + a.text, text: t('canon.readIt') })))
    : [el('li', { class: 'hint', text: t('canon.noAttestations') })]));
}

/** Who wrote a text: a link to the person, or — the canon is open to everyone — the writer's standing and key. */
function writer(x) {
  if (x.author) {
    return personLink(x.author);
  }
  return el('span', { class: 'writer', title: x.authorKey || '', text: t('canon.writer.' + (x.standing || 'outsider')) });
}

// ---- one text -------------------------------------------------------------------------------------------------------

async function showText(id, { focus = true } = {}) {
  const section = $('reading');
  section.hidden = false;
  fill($('reading-body'), el('h2', { id: 'reading-title', text: t('canon.reading') }),
    el('p', { class: 'checking', text: t('loading') }));
  $('reading-actions').replaceChildren();
  try {
    const x = await api.canonText(id);
    state.text = x;
    renderText(x);
    renderTextActions(x);
    if (!state.discussion || state.discussion.place !== x.id) {
      state.discussion?.controller.stop();
      state.discussion = { place: x.id, controller: mountDiscussion($('reading-discussion'), { on: 'canon',
        place: x.id, headingLevel: 'h3' }) };
    }
    if (focus) {
      section.scrollIntoView({ block: 'start' });
      section.focus();
    }
  } catch (e) {
    fill($('reading-body'), el('h2', { id: 'reading-title', text: t('canon.reading') }),
      el('p', { class: 'problem', text: problemText(e) }));
  }
}

function renderText(x) {
  const paragraphs = String(x.text).split(/\n\s*\n/).filter((p) => p.trim());
  fill($('reading-body'),
    el('p', { class: 'eyebrow', text: kindName(x.kind) + (x.target ? ' · ' + x.target : '') }),
    el('h2', { id: 'reading-title', text: x.title }),
    el('p', { class: 'hint' }, t('canon.by'), ' ', writer(x), ' · ', timeElement(x.publishedAt,
      { full: true }), ' · ', el('a', { href: receiptUrl(x.id), text: t('canon.receipt') })),
    el('div', { class: 'canon-text', id: 'reading-text' }, ...paragraphs.map((p) => el('p', { text: p }))),
    endorsementLine(x),
    proposalLine(x),
    x.attestation ? el('p', { class: 'notice attestation', id: 'reading-attestation' }, mark('★'), ' ',
      t('canon.attestation', { name: x.attestation.author.name, target: x.attestation.target,
        version: formatNumber(x.attestation.charterVersion), height: formatNumber(x.attestation.height) }), ' ',
      dateElement(x.attestation.time)) : null,
    el('h3', { class: 'label', text: t('canon.endorsers') }),
    peopleLinks(x.endorsers || [], t('canon.noEndorsers'), { id: 'reading-endorsers' }));
}

function renderTextActions(x) {
  const box = $('reading-actions');
  const mine = me();
  if (!shell.identity) {
    fill(box, el('p', { class: 'hint' }, t('canon.needKey'), ' ', el('a', { href: 'me', text: t('canon.toMe') })));
    return;
  }
  if (x.author && mine && mine.id === x.author.id) {
    fill(box, el('p', { class: 'hint', id: 'endorse-own', text: t('canon.ownText') }));
    return;
  }
  if (!mine || mine.status !== 'citizen') {
    // endorsements put an article to a vote: they stay with citizens, and the page says so instead of a button
    fill(box, el('div', { class: 'action', id: 'endorse' },
      el('h3', { text: t('canon.endorseTitle') }),
      el('p', { class: 'notice', id: 'endorse-not-citizen', text: t('canon.endorseCitizensOnly') })));
    return;
  }
  if ((x.endorsers || []).some((p) => p.id === mine.id)) {
    fill(box, el('p', { class: 'hint', id: 'endorse-done', text: t('canon.youEndorsed') }));
    return;
  }
  const region = el('div', { class: 'feedback', role: 'status', id: 'endorse-feedback', hidden: true });
  const button = el('button', { type: 'button', class: 'button primary', id: 'endorse-button',
    text: t('canon.endorse'), 'aria-describedby': 'reading-title' });
  button.addEventListener('click', async () => {
    const result = await feedback.perform(region, {
      button,
      pendingText: t('tx.signing'),
      run: () => send(shell.identity, shell.society, 'canon.endorse', { text: x.id }),
      done: () => t('canon.endorsed', { title: x.title }),
    });
    if (result) {
      button.hidden = true;
      const fresh = await api.canonText(x.id);
      state.text = fresh;
      renderText(fresh);
      if (fresh.proposal && !x.proposal) {
        region.append(el('p', { id: 'endorse-to-vote' }, t('canon.nowAVote'), ' ',
          el('a', { href: 'proposals#proposal=' + fresh.proposal, text: t('canon.seeProposal', { state: '' }) })));
      }
      loadCanon();
    }
  });
  fill(box, el('div', { class: 'action', id: 'endorse' },
    el('h3', { text: t('canon.endorseTitle') }),
    el('p', { class: 'hint', text: x.kind === 'article' && !x.proposal ? t('canon.endorseArticleHint', {
      of: formatNumber(state.required) }) : t('canon.endorseHint') }),
    el('div', { class: 'actions' }, button),
    region));
}

// ---- publishing -----------------------------------------------------------------------------------------------------

/** A society's parameter's value, or '?' if it has none. */
function parameter(name) {
  const p = ((shell.society && shell.society.parameters) || []).find((x) => x.name === name);
  return p ? p.value : '?';
}

/**
 * Who publishes: the canon is open to everyone with a key. Without one, a key can be made right here (a writer from
 * outside needs nothing else); a key that is not a citizen's publishes essays, with its standing shown.
 */
function renderPublishWho() {
  const who = $('publish-who');
  const mine = me();
  const citizen = Boolean(mine && mine.status === 'citizen');
  const others = formatNumber(parameter('canon.othersTextsPerWeek'));
  who.replaceChildren(...(!shell.identity ? [t('canon.makeKeyHere')]
    : citizen ? [t('publish.as', { name: mine.name })]
      : !mine ? [t('publish.asOutsider', { key: shortDid(shell.identity.did), n: others })]
        : [t('publish.asResident', { name: mine.name, standing: has('status.' + mine.status)
          ? t('status.' + mine.status) : mine.status, n: others })]));
  const keyBox = $('publish-key');
  keyBox.hidden = Boolean(shell.identity) && !keyBox.dataset.rendered; // a key made here stays shown, with its backup
  if (!shell.identity && !keyBox.dataset.rendered) {
    keyBox.dataset.rendered = 'true';
    renderKeyPanel(keyBox, { fold: true, onChange: () => shell.refresh() });
  }
  $('publish-form').hidden = !shell.identity;
  // proposed charter text is for citizens: others publish essays
  const article = $('publish-form').querySelector('input[name=publish-kind][value=article]');
  article.disabled = !citizen;
  if (!citizen && article.checked) {
    $('publish-form').querySelector('input[name=publish-kind][value=essay]').checked = true;
    updateTargets();
  }
  $('publish-article-citizens').hidden = citizen || !shell.identity;
  $('publish-submit').disabled = !shell.identity;
}

function publishKind() {
  return $('publish-form').querySelector('input[name=publish-kind]:checked').value;
}

function updateTargets() {
  const article = publishKind() === 'article';
  $('publish-target-field').hidden = !article;
  const doc = state.charter && state.charter.document;
  const targets = ['purpose', ...Object.keys((doc && doc.articles) || {}).map((a) => 'article:' + a)];
  $('publish-targets').replaceChildren(...targets.map((x) => el('option', { value: x })));
}

async function publish(event) {
  event.preventDefault();
  const title = $('publish-title-input');
  const target = $('publish-target');
  const text = $('publish-text');
  const kind = publishKind();
  [title, target, text].forEach((c) => fieldError(c, null));
  const bad = [];
  const titleValue = title.value.trim();
  if (titleValue.length < 1 || titleValue.length > 200 || /[\r\n]/.test(titleValue)) {
    fieldError(title, t('publish.titleMissing'));
    bad.push(title);
  }
  const targetValue = target.value.trim();
  if (kind === 'article' && !(targetValue === 'purpose' || /^article:.{1,100}$/.test(targetValue))) {
    fieldError(target, t('publish.targetBad'));
    bad.push(target);
  }
  const body = text.value.replace(/\r\n/g, '\n').trim();
  if (body.length < 1 || body.length > 20000) {
    fieldError(text, t('publish.textMissing'));
    bad.push(text);
  }
  if (bad.length) {
    bad[0].focus();
    return;
  }
  const tx = { kind, title: titleValue, text: body };
  if (kind === 'article') {
    tx.target = targetValue;
  }
  const result = await feedback.perform($('publish-feedback'), {
    button: $('publish-submit'),
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'canon.publish', tx),
    done: () => t(kind === 'article' ? 'publish.doneArticle' : 'publish.done', { title: titleValue }),
  });
  if (result) {
    $('publish-form').reset();
    updateTargets();
    $('publish-feedback').append(el('p', {}, el('a', { href: '#text=' + result.txId, id: 'publish-read',
      text: t('publish.readIt') })));
    await loadCanon();
  }
}

// ---- start ----------------------------------------------------------------------------------------------------------

function route() {
  const m = /^#text=([0-9a-f]{64})$/.exec(location.hash);
  if (m) {
    showText(m[1]);
  }
}

async function start() {
  await startPage('charter.pageTitle');
  $('canon-kind').replaceChildren(...KINDS.map((k) => el('option', { value: k, text: t('canon.filter.' + k) })));
  $('canon-kind').addEventListener('change', () => {
    state.kind = $('canon-kind').value;
    loadCanon();
  });
  $('canon-more').addEventListener('click', () => loadCanon({ more: true }));
  $('publish-form').addEventListener('submit', publish);
  for (const radio of $('publish-form').querySelectorAll('input[name=publish-kind]')) {
    radio.addEventListener('change', updateTargets);
  }
  renderPublishWho();
  globalThis.addEventListener('hashchange', route);
  // a different key (restored, rotated, forgotten) changes what this browser may do here
  onIdentityChange(() => {
    renderPublishWho();
    if (state.text) {
      renderTextActions(state.text);
    }
  });
  await Promise.all([loadCharter(), loadCanon()]);
  updateTargets();
  route();
}

start();
