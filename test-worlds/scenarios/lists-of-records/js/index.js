// The `lists-of-records` scenario's JavaScript guest: a list of records is an array of objects;
// the list<u16> field is a Uint16Array on StarlingMonkey.
import { sortByWeight, make } from 'knit:lists-of-records/host';

export function withTag(items, tag) {
  return items.filter((item) => item.tags.includes(tag));
}

export function total(items) {
  return items.reduce((sum, item) => sum + item.weight, 0);
}

const same = (a, b) => a.length === b.length && [...a].every((x, i) => x === b[i]);

export function checkImports() {
  const sorted = sortByWeight([
    { id: 1, weight: 0.5, name: 'a', tags: new Uint16Array([]) },
    { id: 2, weight: 9.0, name: 'b', tags: new Uint16Array([7]) },
    { id: 3, weight: 2.0, name: 'ç', tags: new Uint16Array([1, 2]) },
  ]);
  const ids = sorted.map((item) => item.id);
  if (!same(ids, [2, 3, 1]) || sorted[1].name !== 'ç' || !same(sorted[1].tags, [1, 2])) {
    throw `sort-by-weight returned ${JSON.stringify(sorted)}`;
  }
  const made = make(1000);
  const last = made[999];
  if (made.length !== 1000 || last.name !== 'item-999' || last.id !== 999 % 256 || !same(last.tags, [999 % 7])) {
    throw `make(1000) returned ${made.length} items`;
  }
  if (make(0).length !== 0) throw 'make(0) is not empty';
}
