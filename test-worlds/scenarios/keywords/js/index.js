// The `keywords` scenario's JavaScript guest, built with QuickJS (`knit-engine`): WIT names that
// are JavaScript keywords keep their names as properties and exports (`while`, `return`); only a
// binding needs another name.
import { impl, return as return_ } from 'knit:keywords/type';

function pick(s, e) {
  if (s.async) return 'yield';
  if (e.tag === 'static') return 'break';
  return 'continue';
}

export function match(if_, else_) {
  return pick(if_, else_);
}

/** The members not in `for_`. */
function while_(for_) {
  return { in: !for_.in, fn: !for_.fn, let: !for_.let };
}
export { while_ as while };

export function checkImports() {
  const s = { type: 1, use: 'use', mod: 2, async: false };
  const yielding = { ...s, async: true };
  const cases = [
    [impl(s, { tag: 'static' }), 'break'],
    [impl(s, { tag: 'self', val: 3 }), 'continue'],
    [impl(yielding, { tag: 'match', val: 'm' }), 'yield'],
  ];
  cases.forEach(([got, want], i) => {
    if (got !== want) throw `impl case ${i}: got ${got}, want ${want}`;
  });
  const back = return_({ in: true, let: true });
  if (back.in || !back.fn || back.let) throw `return gave ${JSON.stringify(back)}`;
}
