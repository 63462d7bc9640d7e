// The `resources-export` scenario's JavaScript guest: an exported resource is a class, exported in
// the interface's object. StarlingMonkey calls the object's `[Symbol.dispose]()` when the host
// drops its last handle.
import { dropped } from 'knit:resources-export/host';

let live = 0;

class Counter {
  constructor(start) {
    this.value = start;
    live += 1;
  }

  increment() {
    this.value += 1;
    return this.value;
  }

  get() {
    return this.value;
  }

  static merge(a, b) {
    return new Counter(a.value + b.value);
  }

  static live() {
    return live;
  }

  [Symbol.dispose]() {
    live -= 1;
    dropped(this.value);
  }
}

export const counters = { Counter };
