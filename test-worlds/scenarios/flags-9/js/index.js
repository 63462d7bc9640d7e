// The `flags-9` scenario's JavaScript guest: a flags value is an object of booleans, one property
// per member (a missing property is false).
import { complement, unionAll } from 'knit:flags-9/host';

const NAMES = ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7', 'f8'];

/** The set of the members named in `members`, every other member false. */
const set = (...members) => Object.fromEntries(NAMES.map((n) => [n, members.includes(n)]));
/** The names of the members of `s` that are set. */
const members = (s) => NAMES.filter((n) => s[n]);

export function echo(s) {
  return s;
}

export function intersect(a, b) {
  const both = set(...members(a).filter((n) => b[n]));
  return [both, members(both).length === 0];
}

export function checkImports() {
  const all = set(...NAMES);
  const checks = [
    [complement(set()), all],
    [complement(all), set()],
    [complement(set(...NAMES.slice(1))), set('f0')],
    [complement(set(...NAMES.slice(0, 8))), set('f8')],
    [unionAll([]), set()],
    [unionAll([set('f0'), set('f8'), set('f0')]), set('f0', 'f8')],
  ];
  checks.forEach(([got, want], i) => {
    if (members(got).join() !== members(want).join()) {
      throw `check ${i}: got {${members(got)}}, want {${members(want)}}`;
    }
  });
}
