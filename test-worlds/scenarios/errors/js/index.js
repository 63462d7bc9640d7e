// The `errors` scenario's JavaScript guest. A function returning result<T, E> returns T and
// throws for err: an import's err(e) arrives as an Error whose `payload` is e, and an export
// returns err(e) by throwing an object whose own `payload` is e (or e itself, when not an Error).
import { read, checkSize } from 'knit:errors/host';

const utf8Length = (s) => new TextEncoder().encode(s).length;

export function readLen(path) {
  // The host's err passes through: the thrown Error carries the fs-error as its payload.
  return utf8Length(read(path));
}

export function validate(name) {
  const n = utf8Length(name);
  if (n === 0) throw { tag: 'denied' };
  if (n > 8) throw Object.assign(new Error(`${name} is too long`), { payload: { tag: 'too-big', val: BigInt(n) } });
  return name;
}

const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x));

/** What `f()` did: `{ tag: 'ok', val }`, or `{ tag: 'err', val: payload }` when it threw. */
function outcome(f) {
  try {
    return { tag: 'ok', val: f() };
  } catch (e) {
    // StarlingMonkey's ComponentError comes from the bindings' realm: not `instanceof Error`.
    if (typeof e !== 'object' || !Object.hasOwn(e, 'payload')) throw `not a component error: ${e}`;
    return { tag: 'err', val: e.payload };
  }
}

function check(what, got, want) {
  if (show(got) !== show(want)) throw `${what}: got ${show(got)}, want ${show(want)}`;
}

export function checkImports() {
  const U64_MAX = (1n << 64n) - 1n;
  check('read ok', outcome(() => read('/hello')), { tag: 'ok', val: 'hi there' });
  check('read missing', outcome(() => read('/nope')), { tag: 'err', val: { tag: 'not-found', val: '/nope' } });
  check('read denied', outcome(() => read('/secret')), { tag: 'err', val: { tag: 'denied' } });
  check('size ok', outcome(() => checkSize(1000n)), { tag: 'ok', val: 1000n });
  check('size too big', outcome(() => checkSize(U64_MAX)), { tag: 'err', val: { tag: 'too-big', val: U64_MAX } });
}
