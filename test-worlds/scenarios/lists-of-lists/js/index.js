// The `lists-of-lists` scenario's JavaScript guest, built with QuickJS (`knit-engine`): lists are
// arrays, except list<u8>, a Uint8Array.
import { transpose, joinEach } from 'knit:lists-of-lists/host';

export function flatten(xs) {
  return xs.flat();
}

export function triangle(n) {
  const out = [];
  for (let row = 1; row <= n; row++) out.push([...Array(row).keys()]);
  return out;
}

export function echoDeep(x) {
  return x;
}

function check(what, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
  }
}

export function checkImports() {
  check('transpose', transpose([[1, 2, 3], [4, 5, 6]]), [[1, 4], [2, 5], [3, 6]]);
  check('transpose([])', transpose([]), []);
  check('join-each', joinEach([['a', 'b'], [], ['ü']], '–'), ['a–b', '', 'ü']);
}
