// "What needs me": the inbox of the key in this browser, computed by the node from the ledger (votes not cast, jury
// and panel duty, a steward's commit or reveal, recoveries where one is a guardian, a recovery of one's own key with
// the time left to cancel it, one's application and the link to send to people who could vouch, a renewal due) and
// the vouch requests this browser was sent. It follows new blocks live; a guardian approves a recovery and the holder
// cancels one from here.

import * as api from './api.js';
import * as feedback from './feedback.js';
import { needs, rememberAsk } from './inbox.js';
import { formatNumber, fromNow, t } from './messages.js';
import { send } from './tx.js';
import { $, el, fill, nodeNow, pageUrl, problemText, shell, startPage, timeElement } from './ui.js';

const region = () => $('inbox-feedback');

function due(ms) {
  return el('span', { class: 'inbox-due' }, t('inbox.due', { when: fromNow(ms, nodeNow()) }), ' (',
    timeElement(ms, { full: true }), ')');
}

function item(kind, title, body, action, extra = {}) {
  return el('li', { class: 'inbox-item', 'data-kind': kind, ...extra },
    el('h2', { class: 'inbox-item-title', text: title }),
    ...body.filter(Boolean).map((b) => (b instanceof Node ? b : el('p', { text: b }))),
    action ? el('div', { class: 'actions' }, action) : null);
}

const link = (href, text, primary = true) => el('a', { class: 'button' + (primary ? ' primary' : ''), href, text });

function render(answer) {
  const me = shell.person;
  const items = answer.items.map((i) => {
    switch (i.kind) {
      case 'vote':
      case 'panel-vote':
        return item(i.kind, t(i.kind === 'vote' ? 'inbox.vote' : 'inbox.panelVote', { title: i.title }),
          [el('p', {}, due(i.due))], link('proposals#proposal=' + i.proposal, t('inbox.voteNow')),
          { 'data-proposal': i.proposal });
      case 'jury':
        return item(i.kind, t('inbox.jury', { name: i.about ? i.about.name : '?' }), [t('inbox.juryText'),
          el('p', {}, due(i.due))], link('citizens#challenge=' + i.challenge, t('inbox.judge')));
      case 'steward-commit':
      case 'steward-reveal':
        return item(i.kind, t('inbox.' + (i.kind === 'steward-commit' ? 'commit' : 'reveal'), { n: i.draw }),
          [el('p', {}, due(i.due))], link('draws#draw=' + i.draw, t('inbox.toDraw')));
      case 'guardian-recovery':
        return item(i.kind, t('inbox.guardian', { name: i.about.name }), [t('inbox.guardianText', {
          name: i.about.name, n: formatNumber(i.approvals), of: formatNumber(i.threshold) }),
        el('p', { class: 'warning', text: t('inbox.guardianWarning', { name: i.about.name }) })],
        el('button', { type: 'button', class: 'button', text: t('inbox.approve'),
          onclick: (e) => approve(i, e.currentTarget) }), { 'data-person': i.about.number });
      case 'my-recovery':
        return item(i.kind, t('inbox.myRecovery'), [
          el('p', { class: 'warning' }, t('inbox.myRecoveryText', { n: formatNumber(i.approvals),
            of: formatNumber(i.threshold) }), ' ', el('strong', {}, t('inbox.cancelBy'), ' ', due(i.due)))],
        el('button', { type: 'button', class: 'button danger', id: 'cancel-recovery', text: t('inbox.cancel'),
          onclick: (e) => cancelRecovery(e.currentTarget) }));
      case 'application': {
        const share = pageUrl('inbox#ask=' + me.number);
        return item(i.kind, t('inbox.application', { n: formatNumber(i.vouches), of: formatNumber(i.required) }), [
          i.vouchedBy.length ? t('inbox.vouchedBy', { names: i.vouchedBy.map((p) => p.name).join(', ') }) : null,
          t('inbox.shareText'),
          el('p', {}, el('input', { type: 'text', readonly: true, class: 'share-link', id: 'share-link', value: share,
            'aria-label': t('inbox.shareLabel') }))],
        el('button', { type: 'button', class: 'button', text: t('inbox.copy'), onclick: async (e) => {
          const button = e.currentTarget;
          try {
            await navigator.clipboard.writeText(share);
            button.textContent = t('inbox.copied');
          } catch (err) {
            $('share-link').select();
          }
        } }));
      }
      case 'renewal':
        return item(i.kind, t(i.lapsed ? 'inbox.lapsed' : 'inbox.renewal'), [el('p', {}, due(i.due))],
          link('me', t('inbox.toMe')));
      case 'vouch-ask':
        return item(i.kind, t('inbox.ask', { name: i.about.name }), [t('inbox.askText', { name: i.about.name,
          n: formatNumber(i.vouches) })], link('citizens#person=' + i.about.number, t('inbox.toPerson')),
        { 'data-person': i.about.number });
      default:
        return null;
    }
  }).filter(Boolean);
  fill($('inbox-list'), ...items);
  $('inbox-summary').textContent = items.length === 0 ? t('inbox.nothing')
    : t(items.length === 1 ? 'inbox.countOne' : 'inbox.count', { n: formatNumber(items.length) });
}

/** A guardian approves a recovery: the same new key and proof of possession the first guardian put on the ledger. */
async function approve(i, button) {
  await feedback.perform(region(), {
    button,
    pendingText: t('tx.signing'),
    run: async () => {
      const history = await api.history(i.about.id, { limit: 50 });
      const start = (history.entries || []).find((e) => e.type === 'citizenship.recover' && e.body
        && e.body.newKey === i.newKey);
      if (!start) {
        throw new Error(t('inbox.noProof'));
      }
      return send(shell.identity, shell.society, 'citizenship.recover', { person: i.about.id,
        newKey: start.body.newKey, proof: start.body.proof });
    },
    done: () => t('inbox.approved', { name: i.about.name }),
  });
  await load();
}

async function cancelRecovery(button) {
  await feedback.perform(region(), {
    button,
    pendingText: t('tx.signing'),
    run: () => send(shell.identity, shell.society, 'citizenship.cancelRecovery', {}),
    done: () => t('inbox.cancelled'),
  });
  await load();
}

async function load() {
  const list = $('inbox-list');
  if (!shell.identity) {
    fill(list, el('li', { class: 'notice', id: 'inbox-no-key' }, t('inbox.noKey'), ' ',
      el('a', { href: 'join', text: t('nav.join') })));
    $('inbox-summary').textContent = '';
    return;
  }
  if (!shell.person) {
    fill(list, el('li', { class: 'notice', id: 'inbox-unregistered', text: t('inbox.unregistered') }));
    $('inbox-summary').textContent = '';
    return;
  }
  const feed = $('feed-person');
  feed.href = 'api/v1/feeds/people/' + shell.person.number + '.atom';
  $('feed-person-item').hidden = false;
  try {
    render(await needs(shell.person));
  } catch (e) {
    fill(list, el('li', { class: 'problem', text: problemText(e) }));
  }
}

function takeAsk() {
  const m = /^#ask=([0-9]{1,10})$/.exec(location.hash);
  if (m) {
    rememberAsk(Number(m[1]));
    history.replaceState(null, '', location.pathname);
  }
}

async function start() {
  takeAsk();
  await startPage('inbox.pageTitle');
  await load();
  globalThis.addEventListener('phyle:block', (e) => {
    if (!e.detail.first) {
      load();
    }
  });
  globalThis.addEventListener('phyle:me', load);
}

start();
