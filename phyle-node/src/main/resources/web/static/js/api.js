// Fetch helpers for the node's /api/v1. Refusals come back as RFC 9457 problem+json with a stable `code` and a
// `detail`; they are thrown as ApiError. A node that cannot be reached is an ApiError with code NETWORK.

/** Where the API lives: next to the page that loaded this module (/static/js/api.js → /api/v1/). */
export const API_BASE = new URL('../../api/v1/', import.meta.url);

export class ApiError extends Error {
  constructor({ status = 0, code = 'UNKNOWN', title = '', detail = '' } = {}) {
    super(detail || title || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.title = title;
    this.detail = detail;
  }
}

/** The URL of an API path such as 'blocks' or 'txs/<id>/receipt', with optional query parameters. */
export function apiUrl(path, params = {}, base = API_BASE) {
  const url = new URL(path.replace(/^\/+/, ''), base);
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null) {
      url.searchParams.set(k, String(v));
    }
  }
  return url;
}

async function request(path, params, accept, init = {}) {
  let response;
  try {
    response = await fetch(apiUrl(path, params), {
      cache: 'no-store',
      ...init,
      headers: { Accept: accept + ', application/problem+json', ...(init.headers || {}) },
    });
  } catch (e) {
    throw new ApiError({ code: 'NETWORK', detail: e.message });
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      const p = await response.json();
      return new ApiError({ status: response.status, code: p.code || 'HTTP_' + response.status, title: p.title || '',
        detail: p.detail || '' });
    } catch (e) {
      // not JSON after all: fall through
    }
  }
  return new ApiError({ status: response.status, code: 'HTTP_' + response.status, title: response.statusText });
}

/** GETs JSON. */
export async function getJson(path, params) {
  const response = await request(path, params, 'application/json');
  try {
    return await response.json();
  } catch (e) {
    throw new ApiError({ status: response.status, code: 'BAD_RESPONSE', detail: e.message });
  }
}

/** GETs text, such as the signed checkpoint. */
export async function getText(path, params) {
  return (await request(path, params, 'text/plain')).text();
}

/** POSTs JSON (a transaction envelope or a batch) and returns the JSON answer. */
export async function postJson(path, body, params) {
  const response = await request(path, params, 'application/json', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return response.json();
}

// The calls the pages make.
const seg = (x) => encodeURIComponent(String(x)).replace(/%3A/gi, ':');
export const society = () => getJson('society');
export const charter = () => getJson('charter');
export const checkpoint = () => getText('checkpoint');
export const blocks = (limit = 10, before) => getJson('blocks', { limit, before });
export const block = (height) => getJson('blocks/' + seg(height));
export const entries = (start, end) => getJson('entries', { start, end });
export const receipt = (txId) => getJson('txs/' + seg(txId) + '/receipt');
export const txStatus = (txId) => getJson('txs/' + seg(txId));
export const consistency = (from, to) => getJson('proofs/consistency', { from, to });
export const citizens = ({ status, q, after, limit } = {}) => getJson('citizens', { status, q: q || undefined, after,
  limit });
export const person = (ref) => getJson('citizens/' + seg(ref));
export const history = (ref, { before, limit } = {}) => getJson('citizens/' + seg(ref) + '/history', { before, limit });
export const timeline = (points = 48) => getJson('citizens/timeline', { points });
export const challenges = ({ open, limit } = {}) => getJson('challenges', { open: open ? 'true' : undefined, limit });
export const challenge = (id) => getJson('challenges/' + seg(id));
export const proposals = ({ state, before, limit } = {}) => getJson('proposals', { state, before, limit });
export const proposal = (id) => getJson('proposals/' + seg(id));
export const ballots = (id, { after, limit } = {}) => getJson('proposals/' + seg(id) + '/ballots', { after, limit });
export const delegations = (ref) => getJson('delegations/' + seg(ref));
export const canon = ({ kind, before, limit } = {}) => getJson('canon', { kind, before, limit });
export const canonText = (id) => getJson('canon/' + seg(id));

/** Submits one signed envelope; the node answers once it is in a block (200) or still waiting (202). */
export const submit = (envelope) => postJson('txs', envelope);

/** A person by number, id or did:key, or null if the node knows no such person. */
export async function personOrNull(ref) {
  try {
    return await person(ref);
  } catch (e) {
    if (e instanceof ApiError && e.code === 'NOT_FOUND') {
      return null;
    }
    throw e;
  }
}
