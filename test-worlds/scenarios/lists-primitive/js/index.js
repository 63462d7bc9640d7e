// The `lists-primitive` scenario's JavaScript guest: on StarlingMonkey lists of numbers are typed
// arrays (list<s64> a BigInt64Array, list<char> an array of strings).
import { doubleU16, reverseS64, negateF64 } from 'knit:lists-primitive/host';

export function echoU32(xs) {
  return xs;
}

export function echoS8(xs) {
  return xs;
}

export function prefixSums(xs) {
  const out = new BigInt64Array(xs.length);
  let acc = 0n;
  xs.forEach((x, i) => {
    acc = BigInt.asIntN(64, acc + x);
    out[i] = acc;
  });
  return out;
}

export function lengths(a, b, c) {
  return [a.length, b.length, c.length];
}

/** Compares element by element with Object.is, so -0 and 0 differ. */
function check(what, got, want) {
  const same = got.length === want.length && want.every((w, i) => Object.is(got[i], w));
  if (!same) throw `${what}: got [${[...got]}], want [${want}]`;
}

export function checkImports() {
  const S64_MIN = -(1n << 63n);
  const S64_MAX = (1n << 63n) - 1n;
  check('double-u16([])', doubleU16(new Uint16Array([])), []);
  check('double-u16', doubleU16(new Uint16Array([0, 1, 0x8000, 0xffff])), [0, 2, 0, 0xfffe]);
  check('reverse-s64([])', reverseS64(new BigInt64Array([])), []);
  check('reverse-s64', reverseS64(new BigInt64Array([S64_MIN, 0n, S64_MAX])), [S64_MAX, 0n, S64_MIN]);
  // The host records what it received: -0 must arrive as -0.
  check('negate-f64', negateF64(new Float64Array([1.5, -0, Infinity])), [-1.5, 0, -Infinity]);
}
