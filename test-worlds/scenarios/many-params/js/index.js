// The `many-params` scenario's JavaScript guest: functions with more than 16 flat parameters are
// ordinary functions (the engine passes the parameters through memory).
import { sum17, join } from 'knit:many-params/host';

export function collect17(...xs) {
  return new Uint32Array(xs);
}

export function describe(a, b, c, d, e, f, g, h, i, j, k, l) {
  const opt = i === undefined ? 'None' : `Some(${i})`;
  return `${a} ${b} ${c} [${[...d].join(', ')}] ${e} ${f} ${g} ${h} ${opt} ${j} ${k} ${l}`;
}

export function checkImports() {
  const sum = sum17(1, -2, 3, -4, 5, -6, 7n, -8n, 9.5, 10.25, 11, -12, 13, -14, 15, -16, 17n);
  if (sum !== 29.75) throw `sum17 returned ${sum}`;
  const big = sum17(255, -128, 65535, -32768, 4294967295, -2147483648, 0n, -(1n << 63n), 0, 0, 0, 0, 0, 0, 0, 0, (1n << 64n) - 1n);
  const want = 255 - 128 + 65535 - 32768 + 4294967295 - 2147483648 - 9223372036854775808 + 18446744073709551615;
  if (big !== want) throw `sum17 at limits returned ${big}, want ${want}`;
  const joined = join('a', '', 'ç', 'd', 'e', 'f', 'g', 'h', 'i', '🎉');
  if (joined !== 'a,,ç,d,e,f,g,h,i,🎉') throw `join returned ${JSON.stringify(joined)}`;
}
