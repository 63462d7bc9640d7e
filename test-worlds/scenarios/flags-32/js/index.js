// The `flags-32` scenario's JavaScript guest: a flags value is an object of booleans, one property
// per member (a missing property is false).
import { complement, unionAll } from 'knit:flags-32/host';

const NAMES = Array.from({ length: 32 }, (_, i) => `f${i}`);

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
    [complement(set(...NAMES.slice(0, 31))), set('f31')],
    [unionAll([]), set()],
    [unionAll([set('f0'), set('f31'), set('f0')]), set('f0', 'f31')],
  ];
  checks.forEach(([got, want], i) => {
    if (members(got).join() !== members(want).join()) {
      throw `check ${i}: got {${members(got)}}, want {${members(want)}}`;
    }
  });
}
