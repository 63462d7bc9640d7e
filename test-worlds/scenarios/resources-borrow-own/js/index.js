// The `resources-borrow-own` scenario's JavaScript guest: imported tokens are a class whose
// handles the guest drops with `[Symbol.dispose]()`; exported boxes are a class the host owns (a
// box given back by value is the guest's again, and done with).
import { Token, consume, peek as peekToken } from 'knit:resources-borrow-own/tokens';

let live = 0;

class Box {
  constructor(label) {
    this.text = label;
    live += 1;
  }

  label() {
    return this.text;
  }

  // The host dropped its last handle.
  [Symbol.dispose]() {
    live -= 1;
  }
}

export const boxes = {
  Box,
  // Given by value: the guest owns the box again, and is done with it.
  open(b) {
    live -= 1;
    return b.label();
  },
  peek(b) {
    return b.label();
  },
  live() {
    return live;
  },
};

export function takeToken(t) {
  try {
    return t.id();
  } finally {
    t[Symbol.dispose]();
  }
}

export function exercise() {
  const t = new Token(7);
  const peeked = peekToken(t);
  if (peeked !== 7 || t.id() !== 7) throw `peek returned ${peeked}`;
  const consumed = consume(t);
  if (consumed !== 7) throw `consume returned ${consumed}`;
}
