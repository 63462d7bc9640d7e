// The `results-nested` scenario's JavaScript guest. A function returning result<T, E> returns T
// and throws for err (an import's err arrives as an Error whose `payload` is E; an export returns
// err(e) by throwing e, or an object whose own `payload` is e). Results anywhere else are tagged
// objects `{ tag: 'ok' | 'err', val }`.
import { parse, classify } from 'knit:results-nested/host';

export function echo(r) {
  if (r.tag === 'ok') return r.val;
  // err(none) and err(some(s)): the payload is `undefined` or the string.
  throw { payload: r.val };
}

export function bare(ok) {
  if (!ok) throw { payload: undefined };
}

export function okOnly(x) {
  if (x % 2 !== 0) throw { payload: undefined };
  return x;
}

export function errOnly(x) {
  if (x % 2 !== 0) throw x;
}

export function parseAll(xs) {
  return xs.map((s) => {
    try {
      return { tag: 'ok', val: parse(s) };
    } catch (e) {
      return { tag: 'err', val: e.payload };
    }
  });
}

export function checkImports() {
  const min = -(1n << 63n);
  const v = parse('-9223372036854775808');
  if (v !== min) throw `parse returned ${v} (${typeof v})`;
  try {
    parse('');
    throw 'parse of an empty string did not throw';
  } catch (e) {
    // StarlingMonkey's ComponentError comes from the bindings' realm: not `instanceof Error`.
    if (!Object.hasOwn(e, 'payload') || e.payload !== 'empty' || e.message !== 'empty') {
      throw `parse empty threw ${e} (payload ${e.payload})`;
    }
  }
  const checks = [
    [{ tag: 'ok', val: { tag: 'ok', val: 255 } }, 'ok ok 255'],
    [{ tag: 'ok', val: { tag: 'err', val: 'ë' } }, 'ok err ë'],
    [{ tag: 'err' }, 'err'],
  ];
  for (const [r, want] of checks) {
    const got = classify(r);
    if (got !== want) throw `classify returned ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
  }
}
