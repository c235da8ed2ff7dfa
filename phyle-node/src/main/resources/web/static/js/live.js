// Live updates: the node's server-sent events (GET /api/v1/events) announce every new block; each page hears them
// as a 'phyle:block' event ({height, treeSize}) and updates what it shows. No DOM.

import { API_BASE } from './api.js';

let source = null;

/** Starts following the node's new blocks (once per page); the browser reconnects by itself if the link drops. */
export function followBlocks() {
  if (source || typeof EventSource === 'undefined') {
    return;
  }
  source = new EventSource(new URL('events', API_BASE));
  let last = null;
  source.addEventListener('block', (event) => {
    let head;
    try {
      head = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (last !== null && !(head.height > last)) {
      return; // seen already, or an older block announced late
    }
    const first = last === null;
    last = head.height;
    globalThis.dispatchEvent(new CustomEvent('phyle:block', { detail: { ...head, first } }));
  });
}
