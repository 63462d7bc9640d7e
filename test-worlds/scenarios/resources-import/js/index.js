// The `resources-import` scenario's JavaScript guest: an imported resource is a class; a handle is
// dropped with `[Symbol.dispose]()` (or `using`), else when the engine's GC finalizes it.
import { Blob, live } from 'knit:resources-import/blobs';

const held = [];

const show = (v) => (ArrayBuffer.isView(v) ? `[${[...v]}]` : String(v));

function check(what, got, want) {
  if (show(got) !== show(want)) throw `${what}: got ${show(got)}, want ${show(want)}`;
}

export function exercise() {
  const before = live();
  const a = new Blob(new Uint8Array([1, 2, 3]));
  check('size', a.size(), 3);
  a.append(new Uint8Array([4]));
  a.append(new Uint8Array([]));
  check('read', a.read(), new Uint8Array([1, 2, 3, 4]));
  const b = Blob.fromString('héllo');
  check('from-string size', b.size(), 6);
  check('live with two', live(), before + 2);
  a[Symbol.dispose]();
  check('live after drop', live(), before + 1);
  b[Symbol.dispose]();
  check('live after both', live(), before);
}

export function hold(n) {
  for (let i = 0; i < n; i++) held.push(new Blob(new Uint8Array([i])));
}

export function release() {
  for (const b of held.splice(0)) b[Symbol.dispose]();
}
