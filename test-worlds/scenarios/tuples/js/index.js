// The `tuples` scenario's JavaScript guest: a tuple is an array, u64 and s64 are bigints.
import { swap, widen } from 'knit:tuples/host';

export function single(t) {
  return t;
}

export function rotate([a, b, c]) {
  return [b, c, a];
}

export function nested(t) {
  return t;
}

export function checkImports() {
  const U64_MAX = (1n << 64n) - 1n;
  const [n, s] = swap(['ü', U64_MAX]);
  if (n !== U64_MAX || s !== 'ü') throw `swap returned [${n}, ${s}]`;
  const sum = widen([255, -32768, 4294967295, -1n, 0.5, 0.25]);
  const want = 255 - 32768 + 4294967295 - 1 + 0.75;
  if (sum !== want) throw `widen returned ${sum}, want ${want}`;
}
