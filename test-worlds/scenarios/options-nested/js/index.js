// The `options-nested` scenario's JavaScript guest. On StarlingMonkey `none` is `undefined`, and
// an option is tagged (`{ tag: 'none' }` / `{ tag: 'some', val }`) where its payload is an option
// that could be `undefined` itself: option<option<T>> is tagged outside, and
// option<option<option<T>>> is `undefined` | tagged | ... again (jco's rule).
import { flatten, deepen } from 'knit:options-nested/host';

export function echo(x) {
  return x;
}

/** The lengths (in UTF-8 bytes) of the strings that are present. */
export function present(xs) {
  const lengths = xs.filter((s) => s !== undefined).map((s) => new TextEncoder().encode(s).length);
  return new Uint32Array(lengths);
}

export function maybePair(a, b) {
  return a === undefined || b === undefined ? undefined : [a, b];
}

const show = (v) => (v === undefined ? 'undefined' : JSON.stringify(v));

function check(what, got, want) {
  if (show(got) !== show(want)) throw `${what}: got ${show(got)}, want ${show(want)}`;
}

export function checkImports() {
  check('flatten(none)', flatten({ tag: 'none' }), undefined);
  check('flatten(some(none))', flatten({ tag: 'some', val: undefined }), undefined);
  check('flatten(some(some(max)))', flatten({ tag: 'some', val: 0xffffffff }), 0xffffffff);
  check('deepen 0', deepen('x', 0), undefined);
  check('deepen 1', deepen('x', 1), { tag: 'none' });
  check('deepen 2', deepen('x', 2), { tag: 'some', val: undefined });
  check('deepen 3', deepen('ÿ', 3), { tag: 'some', val: 'ÿ' });
}
