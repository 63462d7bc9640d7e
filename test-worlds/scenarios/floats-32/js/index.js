// The `floats-32` scenario's JavaScript guest: f32 is a number (rounded to f32 on the way out);
// bit patterns go through a DataView.
import { echo as hostEcho, toBits } from 'knit:floats-32/host';

const view = new DataView(new ArrayBuffer(4));

const fromBitsOf = (bits) => {
  view.setUint32(0, bits);
  return view.getFloat32(0);
};

const bitsOf = (x) => {
  view.setFloat32(0, x);
  return view.getUint32(0);
};

export function echo(x) {
  return x;
}

export function fromBits(bits) {
  return fromBitsOf(bits);
}

/** The sum, rounded to f32 after each addition like the other guests' f32 arithmetic. */
export function sum(xs) {
  return xs.reduce((a, b) => Math.fround(a + b), 0);
}

const VALUES = [
  0,
  0x80000000,
  0x007fffff, // the largest subnormal
  0x7f7fffff, // f32::MAX
  0xff7fffff, // f32::MIN
  0x7f800000, // infinity
  0xff800000, // -infinity
  0x7fc00001,
  0xffc01234,
];

const hex = (bits) => `0x${bits.toString(16)}`;

export function checkImports() {
  for (const bits of VALUES) {
    const back = bitsOf(hostEcho(fromBitsOf(bits)));
    if (back !== bits) throw `echo(${hex(bits)}) came back as ${hex(back)}`;
    const seen = toBits(fromBitsOf(bits));
    if (seen !== bits) throw `the host saw ${hex(bits)} as ${hex(seen)}`;
  }
}
