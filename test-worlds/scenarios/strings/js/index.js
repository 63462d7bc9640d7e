// The `strings` scenario's JavaScript guest: WIT strings are JavaScript strings (UTF-16 inside,
// UTF-8 on the wire).
import { reverse, concat } from 'knit:strings/host';

export function echo(s) {
  return s;
}

/** The length of `s` in UTF-8 bytes, and in chars (code points). */
export function lengths(s) {
  let bytes = 0;
  let chars = 0;
  for (const c of s) {
    const code = c.codePointAt(0);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    chars += 1;
  }
  return [bytes, chars];
}

// JavaScript's toUpperCase uses full Unicode case mapping (ß becomes SS).
export function upper(s) {
  return s.toUpperCase();
}

export function checkImports() {
  const cases = [['', ''], ['abc', 'cba'], ['žluťoučký', 'ýkčuoťulž'], ['日本語🎉', '🎉語本日']];
  for (const [s, want] of cases) {
    const got = reverse(s);
    if (got !== want) throw `reverse(${JSON.stringify(s)}) returned ${JSON.stringify(got)}`;
  }
  let got = concat('', '');
  if (got !== '') throw `concat of empties returned ${JSON.stringify(got)}`;
  got = concat('a\0b', 'ü');
  if (got !== 'a\0bü') throw `concat returned ${JSON.stringify(got)}`;
}
