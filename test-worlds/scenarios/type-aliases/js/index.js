// The `type-aliases` scenario's JavaScript guest: aliases are their targets; option none is
// `undefined`; u64 is a bigint.
import { lookup, find } from 'knit:type-aliases/host';

/** The id of the person with the most names (the last of equals, like Rust's max_by_key). */
export function pick(people) {
  if (people.length === 0) return undefined;
  let best = people[0];
  for (const p of people.slice(1)) {
    if (p.names.length >= best.names.length) best = p;
  }
  return best.id;
}

export function checkImports() {
  const user = lookup(7n);
  if (user === undefined || user.id !== 7n || user.names.join() !== 'seven,sept') {
    throw `lookup(7) returned ${JSON.stringify(user, (_, x) => (typeof x === 'bigint' ? `${x}n` : x))}`;
  }
  const nobody = lookup(8n);
  if (nobody !== undefined) throw `lookup(8) found ${nobody.id}`;
  const found = find(['nobody', 'sept']);
  if (found !== 7n) throw `find([nobody sept]) returned ${found}, want 7n`;
  const none = find([]);
  if (none !== undefined) throw `find([]) returned ${none}`;
}
