// RFC 8785 JSON Canonicalization Scheme over parsed JSON values (what JSON.parse returns).
// Members sorted by the UTF-16 code units of their names, no whitespace, strings with the minimal escapes of
// ECMAScript's JSON.stringify, numbers as ECMAScript's Number.prototype.toString writes them.

import { VerifyError, utf8 } from './bytes.js';

/** The canonical JSON text of a value. */
export function canonicalize(value) {
  const out = [];
  write(value, out);
  return out.join('');
}

/** The canonical UTF-8 bytes of a value: what gets hashed and signed. */
export function canonicalBytes(value) {
  return utf8(canonicalize(value));
}

/** Orders strings by UTF-16 code units (RFC 8785 section 3.2.3); JavaScript's < already does exactly that. */
export function compareUtf16(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function write(value, out) {
  if (value === null) {
    out.push('null');
  } else if (value === true || value === false) {
    out.push(value ? 'true' : 'false');
  } else if (typeof value === 'number') {
    out.push(number(value));
  } else if (typeof value === 'string') {
    out.push(string(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) {
        out.push(',');
      }
      write(item, out);
    });
    out.push(']');
  } else if (typeof value === 'object' && isPlainObject(value)) {
    const names = Object.keys(value).sort(compareUtf16);
    out.push('{');
    names.forEach((name, i) => {
      if (i > 0) {
        out.push(',');
      }
      out.push(string(name), ':');
      write(value[name], out);
    });
    out.push('}');
  } else {
    throw new VerifyError('NOT_JSON', 'not a JSON value: ' + typeof value);
  }
}

function isPlainObject(value) {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** ECMAScript Number::toString, which is what RFC 8785 prescribes; JSON has no NaN or Infinity, and -0 is 0. */
function number(n) {
  if (!Number.isFinite(n)) {
    throw new VerifyError('NOT_JSON', 'JSON has no NaN or Infinity');
  }
  return Object.is(n, -0) ? '0' : String(n);
}

const SHORT_ESCAPES = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A JSON string as JSON.stringify writes it; a lone surrogate is not JSON text (I-JSON), so it is refused. */
function string(s) {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const code = s.charCodeAt(i);
    if (SHORT_ESCAPES[c] !== undefined) {
      out += SHORT_ESCAPES[c];
    } else if (code < 0x20) {
      out += '\\u' + code.toString(16).padStart(4, '0');
    } else if (code >= 0xd800 && code <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        throw new VerifyError('NOT_JSON', 'string has a lone surrogate at position ' + i);
      }
      out += c + s.charAt(i + 1);
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      throw new VerifyError('NOT_JSON', 'string has a lone surrogate at position ' + i);
    } else {
      out += c;
    }
  }
  return out + '"';
}
