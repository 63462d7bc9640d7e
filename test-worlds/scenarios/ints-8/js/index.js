// The `ints-8` scenario's JavaScript guest: 8-bit integers are numbers, wrapped by hand.
import { echoU8 as hostEchoU8, echoS8 as hostEchoS8, addU8, subS8 } from 'knit:ints-8/host';

const u8 = (x) => x & 0xff;
const s8 = (x) => (x << 24) >> 24;

export function echoU8(x) {
  return x;
}

export function echoS8(x) {
  return x;
}

export function negatePair(a, b) {
  return [s8(-b), u8(-a)];
}

function check(what, got, want) {
  if (got !== want) throw `${what}: got ${got}, want ${want}`;
}

export function checkImports() {
  for (const x of [0, 1, 127, 128, 255]) check('echo-u8', hostEchoU8(x), x);
  for (const x of [-128, -1, 0, 1, 127]) check('echo-s8', hostEchoS8(x), x);
  check('add-u8(max, 1)', addU8(255, 1), 0);
  check('add-u8(max, max)', addU8(255, 255), 254);
  check('sub-s8(min, 1)', subS8(-128, 1), 127);
  check('sub-s8(max, -1)', subS8(127, -1), -128);
}
