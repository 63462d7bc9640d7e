// The `bools` scenario's JavaScript guest: bool is a boolean, list<bool> an array of them.
import { not, all } from 'knit:bools/host';

export function xor(a, b) {
  return a !== b;
}

export function count(xs) {
  const n = xs.filter((x) => x).length;
  return [n, n > 0];
}

export function checkImports() {
  if (not(true) !== false || not(false) !== true) throw 'not() is wrong';
  if (all([]) !== true || all([true, true]) !== true || all([true, false, true]) !== false) {
    throw 'all() is wrong';
  }
}
