// The `variants` scenario's JavaScript guest: a variant case is `{ tag, val }` (no `val` without
// a payload), u64 and s64 payloads are bigints, a tuple is an array.
import { describe, next } from 'knit:variants/host';

const all = () => [
  { tag: 'nothing' },
  { tag: 'small', val: 255 },
  { tag: 'wide', val: (1n << 64n) - 1n },
  { tag: 'float', val: -1.5 },
  { tag: 'double', val: -0.125 },
  { tag: 'text', val: 'ünï' },
  { tag: 'pair', val: [7, -(1n << 63n)] },
  { tag: 'many', val: [{ tag: 'flag', val: true }, { tag: 'code', val: '\u{10ffff}' }] },
];

export function echo(s) {
  return s;
}

export function allCases() {
  return all();
}

/** A value as text, bigints with an `n`. */
const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x));

export function checkImports() {
  const want = [
    'nothing',
    'small 255',
    'wide 18446744073709551615',
    'float -1.5',
    'double -0.125',
    'text ünï',
    'pair 7 -9223372036854775808',
    "many [Flag(true), Code('\\u{10ffff}')]",
  ];
  all().forEach((shape, i) => {
    const got = describe(shape);
    if (got !== want[i]) throw `describe(${show(shape)}) returned ${JSON.stringify(got)}, want ${JSON.stringify(want[i])}`;
  });
  let shape = { tag: 'nothing' };
  const seen = [];
  for (let i = 0; i < 9; i++) {
    shape = next(shape);
    seen.push(shape);
  }
  const chain = [
    { tag: 'small', val: 0 },
    { tag: 'wide', val: 1n },
    { tag: 'float', val: 2 },
    { tag: 'double', val: 3 },
    { tag: 'text', val: '4' },
    { tag: 'pair', val: [5, 6n] },
    { tag: 'many', val: [{ tag: 'flag', val: false }, { tag: 'code', val: '7' }] },
    { tag: 'nothing' },
    { tag: 'small', val: 0 },
  ];
  if (show(seen) !== show(chain)) throw `next went through ${show(seen)}`;
}
