// The `enums` scenario's JavaScript guest: an enum value is its WIT case name as a string.
import { next, distinct } from 'knit:enums/host';

export function echo(c) {
  return c;
}

export function name(l) {
  return l;
}

export function checkImports() {
  const cycle = [next('red'), next('green'), next('blue')];
  if (cycle.join() !== 'green,blue,red') throw `next cycled ${cycle}`;
  const got = distinct(['high', 'low', 'high', 'type']);
  if (got.join() !== 'low,type,high') throw `distinct returned ${got}`;
}
