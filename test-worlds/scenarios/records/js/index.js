// The `records` scenario's JavaScript guest: records are plain objects with camelCase fields, an
// option field is absent (undefined) when none, u64 and s64 fields are bigints.
import { bump, reverse, unwrap, echoEmpties } from 'knit:records/host';

export function echoMixed(m) {
  return m;
}

export function midpoint(l) {
  return { x: (l.start.x + l.end.x) / 2, y: (l.start.y + l.end.y) / 2 };
}

export function wrap(x) {
  return { inner: x };
}

/** A value as text: bigints with an `n`, typed arrays as arrays, absent fields left out. */
const show = (v) =>
  JSON.stringify(v, (_, x) =>
    typeof x === 'bigint' ? `${x}n` : ArrayBuffer.isView(x) ? [...x] : x,
  );

function check(what, got, want) {
  if (show(got) !== show(want)) throw `${what}: got ${show(got)}, want ${show(want)}`;
}

export function checkImports() {
  const U64_MAX = (1n << 64n) - 1n;
  const m = { a: 255, b: U64_MAX, c: 7, d: 1.5, e: true, f: (1n << 63n) - 1n, g: 'y' };
  const line = { start: { x: 1, y: 2 }, end: { x: 3, y: 4 }, label: 'ab' };
  const empties = { names: [], maybe: undefined };
  check('bump', bump(m), { a: 0, b: 0n, c: 8, d: 2.5, e: false, f: -(1n << 63n), g: 'z' });
  check('reverse', reverse(line), { start: { x: 3, y: 4 }, end: { x: 1, y: 2 }, label: 'AB' });
  check('unwrap', unwrap({ inner: 42 }), 42);
  check('echo-empties', echoEmpties(empties), empties);
}
