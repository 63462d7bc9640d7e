// The `chars` scenario's JavaScript guest: a char is a one-code-point string (two UTF-16 units
// above U+FFFF); option<char> is the string or `undefined`.
import { echo as hostEcho, next } from 'knit:chars/host';

export function echo(c) {
  return c;
}

export function code(c) {
  return c.codePointAt(0);
}

export function split(s) {
  return [...s];
}

const EDGES = [0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0x10ffff].map((n) => String.fromCodePoint(n));

const show = (c) => (c === undefined ? 'none' : `U+${c.codePointAt(0).toString(16)}`);

export function checkImports() {
  for (const c of EDGES) {
    const back = hostEcho(c);
    if (back !== c) throw `echo(${show(c)}) returned ${show(back)}`;
  }
  const checks = [
    [0xd7ff, 0xe000],
    [0x61, 0x62],
    [0x10ffff, undefined],
    [0xffff, 0x10000],
  ];
  for (const [c, want] of checks) {
    const got = next(String.fromCodePoint(c));
    const expected = want === undefined ? undefined : String.fromCodePoint(want);
    if (got !== expected) throw `next(${show(String.fromCodePoint(c))}) returned ${show(got)}, want ${show(expected)}`;
  }
}
