// The `hard-fallible-constructors` scenario's JavaScript guest: a constructor returning
// result<r, E> throws for err, on both sides (the host's constructors throw an Error whose
// `payload` is E; the guest's throw E itself). `things` is imported and exported: the host's
// classes are renamed on import. `dropped` is a world-level import: the module's default export.
import dropped from 'dropped';
import { X as HostX, Y as HostY, W as HostW, live as hostLive } from 'knit:hard-fallible-constructors/things';

/** How many of the guest's x, y and w are alive. */
let live = 0;

/** Counts a destroyed value and tells the host. */
function gone(what) {
  live -= 1;
  dropped(what);
}

const utf8Length = (s) => new TextEncoder().encode(s).length;

// StarlingMonkey calls [Symbol.dispose]() when the host drops its handle.
class X {
  constructor(s) {
    if (s === '') throw 'empty name';
    this.text = s;
    live += 1;
  }
  name() {
    return this.text;
  }
  [Symbol.dispose]() {
    gone(`x ${this.text}`);
  }
}

class Y {
  constructor(n) {
    if (n === 0) throw { payload: undefined };
    this.value = n;
    live += 1;
  }
  n() {
    return this.value;
  }
  [Symbol.dispose]() {
    gone(`y ${this.value}`);
  }
}

class W {
  constructor(s) {
    if (s === '') throw 'empty';
    if (utf8Length(s) > 3) throw 'too-long';
    this.value = s;
    live += 1;
  }
  text() {
    return this.value;
  }
  [Symbol.dispose]() {
    gone(`w ${this.value}`);
  }
}

export const things = { X, Y, W, live: () => live };

/** The payload `make()` threw (its `err`), or `undefined` when it did not throw. */
function errorOf(make) {
  try {
    make();
  } catch (e) {
    if (typeof e !== 'object' || !Object.hasOwn(e, 'payload')) throw `not a component error: ${e}`;
    return { payload: e.payload };
  }
  return undefined;
}

function expect(ok, what) {
  if (!ok) throw what;
}

export function exercise() {
  const noX = errorOf(() => new HostX(''));
  expect(noX?.payload === 'empty name', `x("") did not fail with \`empty name\`: ${JSON.stringify(noX)}`);
  const x = new HostX('ab');
  expect(x.name() === 'ab', 'x("ab").name() is wrong');
  expect(errorOf(() => new HostY(0)) !== undefined, 'y(0) did not fail');
  const y = new HostY(7);
  expect(y.n() === 7, 'y(7).n() is wrong');
  expect(errorOf(() => new HostW(''))?.payload === 'empty', 'w("") did not fail with `empty`');
  expect(errorOf(() => new HostW('long'))?.payload === 'too-long', 'w("long") did not fail with `too-long`');
  const w = new HostW('abc');
  expect(w.text() === 'abc', 'w("abc").text() is wrong');
  expect(hostLive() === 3, 'the host does not hold 3 values');
  x[Symbol.dispose]();
  y[Symbol.dispose]();
  w[Symbol.dispose]();
  expect(hostLive() === 0, 'the host still holds values');
}
