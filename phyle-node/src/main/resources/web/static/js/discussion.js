// The discussion of a proposal or of a text of the canon: the reply tree, each comment with its writer (linked to
// their citizenship, or "someone from outside"), their standing when they wrote it, its time, and its text CHECKED
// here against the SHA-256 and length the ledger recorded; erased texts with who erased them and why; a form to
// comment, a reply form under each comment, and erasure of one's own comment. A comment is sent as the CLI sends it
// (`phyle comment add`): first the signed `discussion.comment` naming the text's digest, then, once it is on the
// ledger, the text itself to POST /texts/{digest}, which the node accepts only for a digest on the ledger. New
// comments appear as new blocks come (live.js).

import * as api from './api.js';
import { ApiError, apiUrl } from './api.js';
import { sha256, toHex, utf8 } from './bytes.js';
import { confirmAct } from './dialog.js';
import * as feedback from './feedback.js';
import { formatNumber, t } from './messages.js';
import { send } from './tx.js';
import {
  code, el, onIdentityChange, personLink, problemText, receiptUrl, shell, shortDid, shortHex, timeElement,
} from './ui.js';

const MAX_LENGTH = 10000;

/** The number of Unicode code points in a text, as the ledger counts a comment's length. */
export function codePoints(text) {
  return [...text].length;
}

/**
 * Checks a text against a comment's record: {ok, computed} where `computed` is the SHA-256 (hex) of the text's UTF-8
 * bytes; ok only if it is the recorded digest and the text has the recorded length (if one is given).
 */
export async function checkText(text, digest, length) {
  const computed = toHex(await sha256(utf8(text)));
  const lengthOk = length === undefined || length === null || codePoints(text) === length;
  return { ok: computed === String(digest).toLowerCase() && lengthOk, computed, lengthOk };
}

/** A comment's text as the CLI prepares it: line ends made \n, whitespace around it trimmed. */
export function prepare(text) {
  return String(text).replace(/\r\n?/g, '\n').trim();
}

/** POSTs a comment's text to the node (text/plain, UTF-8), under its digest. */
async function postText(digest, text) {
  let response;
  try {
    response = await fetch(apiUrl('texts/' + digest), { method: 'POST', cache: 'no-store',
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Accept: 'application/json, application/problem+json' },
      body: utf8(text) });
  } catch (e) {
    throw new ApiError({ code: 'NETWORK', detail: e.message });
  }
  if (!response.ok) {
    let p = {};
    try {
      p = await response.json();
    } catch (e) {
      // not JSON: the status says enough
    }
    throw new ApiError({ status: response.status, code: p.code || 'HTTP_' + response.status, detail: p.detail || '' });
  }
  return response.json();
}

/** The daily quota of comments for a standing, from the society's parameters. */
function quota(standing) {
  const name = standing === 'citizen' ? 'discussion.commentsPerDay' : 'discussion.othersCommentsPerDay';
  const p = ((shell.society && shell.society.parameters) || []).find((x) => x.name === name);
  return p ? p.value : '?';
}

function standingName(s) {
  return t('discussion.standing.' + (s || 'outsider'));
}

/** The standing this browser's key would write with now. */
function myStanding() {
  const p = shell.person;
  if (!p || !shell.identity || p.did !== shell.identity.did) {
    return 'outsider';
  }
  return ['citizen', 'e-resident', 'host-resident', 'applicant'].includes(p.status) ? p.status : 'outsider';
}

function writerName(c) {
  return c.author ? c.author.name : t('discussion.outsider');
}

let seq = 0;

/**
 * Shows the discussion of a place ({on: 'proposal'|'canon', place: id}) in a container, and keeps it current. Returns
 * {refresh, stop}; the discussion stops by itself once its container leaves the page.
 */
export function mountDiscussion(container, { on, place, headingLevel = 'h2' }) {
  const n = ++seq;
  const subLevel = 'h' + Math.min(6, Number(headingLevel.slice(1)) + 1);
  const ids = { title: 'discussion-title-' + n };
  const state = { comments: [], nodes: new Map(), loaded: false, stopped: false };
  const summary = el('p', { class: 'hint discussion-count', id: 'discussion-count' });
  const announce = el('p', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const thread = el('ol', { class: 'thread plain', id: 'thread', 'aria-labelledby': ids.title });
  const problem = el('p', { class: 'problem', hidden: true });
  const formBox = el('div', { class: 'discussion-form', id: 'discussion-form' });
  const section = el('section', { class: 'discussion', id: 'discussion', 'data-on': on, 'data-place': place,
    'aria-labelledby': ids.title },
  el(headingLevel, { id: ids.title, text: t('discussion.title') }),
  el('p', { class: 'hint', text: t('discussion.intro') }),
  summary, announce, problem, thread, formBox);
  container.replaceChildren(section);

  // ---- the thread ----

  // one refresh at a time: a new block and a posted comment may ask at once
  let chain = Promise.resolve();
  function refresh() {
    chain = chain.then(load, load);
    return chain;
  }

  async function load() {
    if (state.stopped) {
      return;
    }
    if (!section.isConnected) {
      stop();
      return;
    }
    let answer;
    try {
      answer = await api.getJson('discussions/' + on + '/' + place);
    } catch (e) {
      problem.hidden = false;
      problem.textContent = problemText(e);
      return;
    }
    problem.hidden = true;
    const before = state.comments.length;
    state.comments = answer.comments || [];
    const byNumber = new Map(state.comments.map((c) => [c.number, c]));
    for (const c of state.comments) {
      await place1(c, byNumber);
    }
    const count = state.comments.length;
    summary.textContent = count === 0 ? t('discussion.none') : count === 1 ? t('discussion.countOne')
      : t('discussion.count', { n: formatNumber(count) });
    if (count > before) {
      retries = 0; // a new comment: its text may be on its way
    }
    if (state.loaded && count > before) {
      const added = count - before;
      announce.textContent = added === 1 ? t('discussion.newComment')
        : t('discussion.newComments', { n: formatNumber(added) });
    }
    state.loaded = true;
    section.dataset.loaded = 'true';
    awaitMissingTexts();
  }

  // A writer sends a comment's text once the comment is in a block, so a page that heard of the block may have asked
  // before the text arrived: it asks again a few times, waiting longer each time, while a text is missing.
  let retry = null;
  let retries = 0;
  function awaitMissingTexts() {
    const missing = state.comments.some((c) => !c.erased && (c.text === null || c.text === undefined));
    if (!missing) {
      retries = 0;
      return;
    }
    if (retry || retries >= 6) {
      return;
    }
    retry = setTimeout(() => {
      retry = null;
      retries++;
      refresh();
    }, 1000 * 2 ** retries);
  }

  /** Puts a comment in the tree, or brings its shown state up to date (an erasure, its text arriving). */
  async function place1(c, byNumber) {
    const key = JSON.stringify([c.erased || null, c.text === null || c.text === undefined ? null : c.text]);
    let node = state.nodes.get(c.number);
    if (node && node.key === key) {
      return;
    }
    const body = await commentBody(c, byNumber);
    if (node) {
      node.body.replaceWith(body);
      node.body = body;
      node.li.dataset.erased = String(Boolean(c.erased));
      node.key = key;
      return;
    }
    const li = el('li', { class: 'comment', id: 'comment-' + c.number, 'data-number': c.number, 'data-id': c.id,
      'data-standing': c.standing, 'data-erased': String(Boolean(c.erased)) }, body);
    node = { li, body, key, replies: null };
    state.nodes.set(c.number, node);
    const parent = c.replyTo !== undefined && c.replyTo !== null ? state.nodes.get(c.replyTo) : null;
    if (parent) {
      if (!parent.replies) {
        parent.replies = el('ol', { class: 'replies plain', 'aria-label': t('discussion.repliesTo', {
          name: writerName(byNumber.get(c.replyTo) || {}) }) });
        parent.li.append(parent.replies);
      }
      parent.replies.append(li);
    } else {
      thread.append(li);
    }
  }

  async function commentBody(c, byNumber) {
    const headId = 'comment-' + c.number + '-head';
    const who = c.author ? personLink(c.author, { class: 'comment-author' })
      : el('span', { class: 'comment-author outsider', title: c.authorKey }, t('discussion.outsider'), ' ',
        code(shortDid(c.authorKey), { class: 'id comment-key' }));
    const parent = c.replyTo !== undefined && c.replyTo !== null ? byNumber.get(c.replyTo) : null;
    const head = el('p', { class: 'comment-head', id: headId }, who, ' ',
      el('span', { class: 'pill standing', 'data-status': c.standing === 'outsider' ? 'outsider' : c.standing,
        title: t('discussion.standingLabel', { standing: standingName(c.standing) }),
        text: standingName(c.standing) }), ' ',
      el('span', { class: 'comment-when' }, timeElement(c.time)),
      parent ? el('span', { class: 'visually-hidden', text: ' · ' + t('discussion.replyTo', {
        name: writerName(parent) }) }) : null);
    const parts = [head];
    if (c.erased) {
      const e = c.erased;
      parts.push(el('div', { class: 'comment-erased', 'data-by': e.byAuthor ? 'author' : 'society' },
        el('p', {}, el('strong', { text: e.byAuthor ? t('discussion.erasedByAuthor')
          : t('discussion.erasedBySociety') }), ' · ', timeElement(e.time), ' · ',
        el('a', { href: e.byAuthor ? receiptUrl(e.enactedBy) : 'proposals#proposal=' + e.enactedBy,
          text: e.byAuthor ? t('discussion.theErasure') : t('discussion.theDecision') })),
        e.byAuthor ? null : el('p', { class: 'comment-reason', text: t('discussion.erasedReason', {
          reason: e.reason }) }),
        el('p', { class: 'hint', text: t('discussion.erasedKept') })));
    } else if (c.text === null || c.text === undefined) {
      parts.push(el('p', { class: 'notice comment-missing', text: t('discussion.notHeld', {
        digest: shortHex(c.digest, 16, 8) }) }));
    } else {
      const check = await checkText(c.text, c.digest, c.length);
      parts.push(el('div', { class: 'comment-text' }, ...c.text.split(/\n{2,}/).map((p) => el('p', { text: p }))));
      parts.push(check.ok
        ? el('p', { class: 'comment-check', 'data-checked': 'true', title: t('discussion.checkedTitle', {
          digest: c.digest }) }, el('span', { class: 'mark', 'aria-hidden': 'true', text: '✓' }), ' ',
        t('discussion.checked'), ' · ', el('a', { href: receiptUrl(c.id), text: t('discussion.receipt') }))
        : el('p', { class: 'comment-check warning', 'data-checked': 'false', role: 'alert' },
          el('span', { class: 'mark', 'aria-hidden': 'true', text: '✗' }), ' ',
          check.computed !== c.digest ? t('discussion.mismatch', { computed: shortHex(check.computed, 16, 8),
            digest: shortHex(c.digest, 16, 8) }) : t('discussion.lengthMismatch', {
            n: formatNumber(codePoints(c.text)), of: formatNumber(c.length) })));
    }
    parts.push(actions(c));
    return el('article', { class: 'comment-body', 'aria-labelledby': headId }, ...parts);
  }

  // ---- acting on a comment ----

  function actions(c) {
    const box = el('div', { class: 'comment-actions' });
    if (!shell.identity) {
      return box;
    }
    const name = writerName(c);
    const replyButton = el('button', { type: 'button', class: 'button small', 'aria-expanded': 'false',
      'data-action': 'reply', 'aria-label': t('discussion.replyTo', { name }), text: t('discussion.reply') });
    const slot = el('div', { class: 'reply-slot' });
    replyButton.addEventListener('click', () => {
      const open = replyButton.getAttribute('aria-expanded') === 'true';
      if (open) {
        slot.replaceChildren();
        replyButton.setAttribute('aria-expanded', 'false');
        return;
      }
      replyButton.setAttribute('aria-expanded', 'true');
      const form = commentForm({ reply: c, onCancel: () => {
        slot.replaceChildren();
        replyButton.setAttribute('aria-expanded', 'false');
        replyButton.focus();
      }, onSent: (region) => {
        // the reply is in the thread now: the form closes, what happened stays said
        slot.replaceChildren(region);
        replyButton.setAttribute('aria-expanded', 'false');
      } });
      slot.replaceChildren(form);
      form.querySelector('textarea').focus();
    });
    const row = el('div', { class: 'actions' }, replyButton);
    const mine = c.authorKey === shell.identity.did || (c.author && shell.person && shell.person.did
      === shell.identity.did && shell.person.id === c.author.id);
    const region = el('div', { class: 'feedback', role: 'status', hidden: true });
    if (mine && !c.erased) {
      const erase = el('button', { type: 'button', class: 'button small danger', 'data-action': 'erase',
        text: t('discussion.erase') });
      erase.addEventListener('click', async () => {
        if (!(await confirmAct({ id: 'erase-dialog', title: t('discussion.eraseTitle'), text: t('discussion.eraseText'),
          confirm: t('discussion.eraseConfirm'), cancel: t('discussion.keep') }))) {
          return;
        }
        const result = await feedback.perform(region, { button: erase, pendingText: t('tx.signing'),
          run: () => send(shell.identity, shell.society, 'discussion.erase', { comment: c.id }),
          done: () => t('discussion.erased') });
        if (result) {
          await refresh();
        }
      });
      row.append(erase);
    }
    box.append(row, region, slot);
    return box;
  }

  /** A comment form; with `reply`, a reply to that comment. */
  function commentForm({ reply = null, onCancel = null, onSent = null } = {}) {
    const id = reply ? 'reply-' + reply.number : 'comment-new';
    const text = el('textarea', { id: id + '-text', rows: reply ? 3 : 4, maxlength: MAX_LENGTH * 2,
      'aria-describedby': id + '-hint ' + id + '-error' });
    const error = el('p', { class: 'field-error', id: id + '-error', hidden: true });
    const submit = el('button', { type: 'submit', class: 'button primary',
      text: t(reply ? 'discussion.submitReply' : 'discussion.submit') });
    const region = el('div', { class: 'feedback', role: 'status', id: id + '-feedback', hidden: true });
    const form = el('form', { class: 'form comment-form', id: id + '-form', novalidate: true },
      el('div', { class: 'field' },
        el('label', { for: text.id, text: reply ? t('discussion.replyLabel', { name: writerName(reply) })
          : t('discussion.formLabel') }),
        el('p', { class: 'hint', id: id + '-hint' }, whoLine(), ' ', t('discussion.formHint')),
        text, error),
      el('div', { class: 'actions' }, submit, onCancel ? el('button', { type: 'button', class: 'button',
        text: t('discussion.cancelReply'), onclick: onCancel }) : null),
      region);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = prepare(text.value);
      if (body.length === 0 || codePoints(body) > MAX_LENGTH) {
        error.hidden = false;
        error.textContent = t('discussion.empty');
        text.setAttribute('aria-invalid', 'true');
        text.focus();
        return;
      }
      error.hidden = true;
      text.removeAttribute('aria-invalid');
      const sent = await post(body, reply, region, submit);
      if (sent) {
        text.value = '';
        if (onSent) {
          onSent(region);
        }
        await refresh();
        const shown = document.getElementById('comment-' + sent.number);
        if (!reply) {
          region.setAttribute('tabindex', '-1');
          region.focus();
        } else if (shown) {
          shown.querySelector('.comment-body').setAttribute('tabindex', '-1');
          shown.querySelector('.comment-body').focus();
        }
      }
    });
    return form;
  }

  /** Signs the comment, waits for its block, then gives the node its text; resolves with {number} or null. */
  async function post(body, reply, region, button) {
    const digest = toHex(await sha256(utf8(body)));
    const tx = { on, place };
    if (reply) {
      tx.reply = reply.id;
    }
    tx.digest = digest;
    tx.length = codePoints(body);
    let onLedger = false;
    const done = () => t(reply ? 'discussion.replied' : 'discussion.posted');
    const result = await feedback.perform(region, { button, pendingText: t('tx.signing'),
      run: async () => {
        const r = await send(shell.identity, shell.society, 'discussion.comment', tx);
        onLedger = true;
        feedback.pending(region, t('discussion.sendingText'));
        await postText(digest, body);
        return r;
      },
      done });
    if (result) {
      const answer = await api.getJson('discussions/' + on + '/' + place).catch(() => null);
      const mine = answer && answer.comments.find((c) => c.id === result.txId);
      return { number: mine ? mine.number : -1 };
    }
    if (onLedger) {
      // the comment went on the ledger but its text did not reach the node: say so, and offer to send it again
      const again = el('button', { type: 'button', class: 'button small', id: 'send-text-again',
        text: t('discussion.sendAgain') });
      again.addEventListener('click', async () => {
        region.hidden = false;
        again.disabled = true;
        try {
          await postText(digest, body);
          region.replaceChildren(el('p', { class: 'feedback-line' }, el('strong', { text: done() })));
          region.dataset.state = 'committed';
          await refresh();
        } catch (e) {
          feedback.rejected(region, e, t('discussion.textFailed'));
        } finally {
          again.disabled = false;
        }
      });
      region.prepend(el('p', { class: 'feedback-more', text: t('discussion.textFailed') }));
      region.append(el('div', { class: 'actions' }, again));
      await refresh();
    }
    return null;
  }

  function whoLine() {
    const s = myStanding();
    if (s === 'outsider') {
      return t('discussion.asOutsider', { key: shortDid(shell.identity.did), n: formatNumber(quota(s)) });
    }
    return t('discussion.as', { who: shell.person.name, standing: standingName(s), n: formatNumber(quota(s)) });
  }

  function renderForm() {
    if (!shell.identity) {
      formBox.replaceChildren(el('p', { class: 'hint', id: 'discussion-need-key' }, t('discussion.needKey'), ' ',
        el('a', { href: 'me', text: t('discussion.toMe') })));
      return;
    }
    formBox.replaceChildren(el(subLevel, { class: 'label', text: t('discussion.formTitle') }), commentForm());
  }

  // ---- keeping it current ----

  const onBlock = (e) => {
    if (!e.detail.first) {
      refresh();
    }
  };
  // a different key (made, restored, rotated, forgotten, admitted) decides which comments may be erased here and how
  // the form speaks: draw them again
  onIdentityChange(() => {
    if (state.stopped) {
      return;
    }
    renderForm();
    thread.replaceChildren();
    state.nodes.clear();
    state.loaded = false;
    refresh();
  });
  function stop() {
    state.stopped = true;
    clearTimeout(retry);
    globalThis.removeEventListener('phyle:block', onBlock);
  }
  globalThis.addEventListener('phyle:block', onBlock);
  renderForm();
  summary.textContent = t('discussion.loading');
  refresh();
  return { refresh, stop };
}
