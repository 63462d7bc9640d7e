// The `ints-16` scenario's JavaScript guest: 16-bit integers are numbers, wrapped by hand.
import { echoU16 as hostEchoU16, echoS16 as hostEchoS16, addU16, subS16 } from 'knit:ints-16/host';

const u16 = (x) => x & 0xffff;
const s16 = (x) => (x << 16) >> 16;

export function echoU16(x) {
  return x;
}

export function echoS16(x) {
  return x;
}

export function negatePair(a, b) {
  return [s16(-b), u16(-a)];
}

function check(what, got, want) {
  if (got !== want) throw `${what}: got ${got}, want ${want}`;
}

export function checkImports() {
  for (const x of [0, 1, 0x7fff, 0x8000, 0xffff]) check('echo-u16', hostEchoU16(x), x);
  for (const x of [-0x8000, -1, 0, 1, 0x7fff]) check('echo-s16', hostEchoS16(x), x);
  check('add-u16(max, 1)', addU16(0xffff, 1), 0);
  check('add-u16(max, max)', addU16(0xffff, 0xffff), 0xfffe);
  check('sub-s16(min, 1)', subS16(-0x8000, 1), 0x7fff);
  check('sub-s16(max, -1)', subS16(0x7fff, -1), -0x8000);
}
