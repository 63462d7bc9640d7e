// The `ints-32` scenario's JavaScript guest, built with QuickJS (`knit-engine`): 32-bit integers
// are numbers, wrapped by hand (`>>> 0` for u32, `| 0` for s32).
import { echoU32 as hostEchoU32, echoS32 as hostEchoS32, addU32, subS32 } from 'knit:ints-32/host';

const u32 = (x) => x >>> 0;
const s32 = (x) => x | 0;

export function echoU32(x) {
  return x;
}

export function echoS32(x) {
  return x;
}

export function negatePair(a, b) {
  return [s32(-b), u32(-a)];
}

function check(what, got, want) {
  if (got !== want) throw `${what}: got ${got}, want ${want}`;
}

export function checkImports() {
  const MAX = 0xffffffff;
  for (const x of [0, 1, 0x7fffffff, 0x80000000, MAX]) check('echo-u32', hostEchoU32(x), x);
  for (const x of [-0x80000000, -1, 0, 1, 0x7fffffff]) check('echo-s32', hostEchoS32(x), x);
  check('add-u32(max, 1)', addU32(MAX, 1), 0);
  check('add-u32(max, max)', addU32(MAX, MAX), MAX - 1);
  check('sub-s32(min, 1)', subS32(-0x80000000, 1), 0x7fffffff);
  check('sub-s32(max, -1)', subS32(0x7fffffff, -1), -0x80000000);
}
