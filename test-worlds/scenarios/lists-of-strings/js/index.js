// The `lists-of-strings` scenario's JavaScript guest, built with QuickJS (`knit-engine`): a list
// of strings is an array, a tuple an array.
import { split, sorted } from 'knit:lists-of-strings/host';

export function join(xs, sep) {
  return xs.join(sep);
}

/** Each string with its length in chars (code points). */
export function measure(xs) {
  return xs.map((s) => [s, [...s].length]);
}

function check(what, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    throw `${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`;
  }
}

// The host is called in the same order as the other guests call it.
export function checkImports() {
  const parts = split('a,,bé,', ',');
  const partsOfEmpty = split('', ',');
  const many = [];
  for (let i = 499; i >= 0; i--) many.push(String(i).padStart(4, '0'));
  const inOrder = sorted(many);
  check('split', parts, ['a', '', 'bé', '']);
  check("split('')", partsOfEmpty, ['']);
  check('sorted len', inOrder.length, 500);
  check('sorted first', inOrder[0], '0000');
  check('sorted last', inOrder[499], '0499');
  check('sorted([])', sorted([]), []);
}
