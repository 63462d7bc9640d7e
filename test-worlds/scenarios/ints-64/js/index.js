// The `ints-64` scenario's JavaScript guest: u64 and s64 are bigints, wrapped with BigInt.asUintN
// and BigInt.asIntN.
import { echoU64 as hostEchoU64, echoS64 as hostEchoS64, addU64, subS64 } from 'knit:ints-64/host';

const U64_MAX = (1n << 64n) - 1n;
const S64_MIN = -(1n << 63n);
const S64_MAX = (1n << 63n) - 1n;

export function echoU64(x) {
  return x;
}

export function echoS64(x) {
  return x;
}

export function negatePair(a, b) {
  return [BigInt.asIntN(64, -b), BigInt.asUintN(64, -a)];
}

function check(what, got, want) {
  if (got !== want) throw `${what}: got ${got} (${typeof got}), want ${want}`;
}

export function checkImports() {
  for (const x of [0n, 1n, U64_MAX / 2n, U64_MAX / 2n + 1n, U64_MAX]) check('echo-u64', hostEchoU64(x), x);
  for (const x of [S64_MIN, -1n, 0n, 1n, S64_MAX]) check('echo-s64', hostEchoS64(x), x);
  check('add-u64(max, 1)', addU64(U64_MAX, 1n), 0n);
  check('add-u64(max, max)', addU64(U64_MAX, U64_MAX), U64_MAX - 1n);
  check('sub-s64(min, 1)', subS64(S64_MIN, 1n), S64_MAX);
  check('sub-s64(max, -1)', subS64(S64_MAX, -1n), S64_MIN);
}
