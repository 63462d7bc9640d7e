// The `flags-17` scenario's JavaScript guest, built with QuickJS (`knit-engine`): a flags value is
// an object of booleans, one property per member (a missing property is false).
import { complement, unionAll } from 'knit:flags-17/host';

const NAMES = Array.from({ length: 17 }, (_, i) => `f${i}`);

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
    [complement(set(...NAMES.slice(0, 16))), set('f16')],
    [unionAll([]), set()],
    [unionAll([set('f0'), set('f16'), set('f0')]), set('f0', 'f16')],
  ];
  checks.forEach(([got, want], i) => {
    if (members(got).join() !== members(want).join()) {
      throw `check ${i}: got {${members(got)}}, want {${members(want)}}`;
    }
  });
}
