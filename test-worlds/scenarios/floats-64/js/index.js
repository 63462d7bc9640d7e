// The `floats-64` scenario's JavaScript guest: f64 is a number; bit patterns go through a
// DataView (u64 is a bigint).
import { echo as hostEcho, toBits } from 'knit:floats-64/host';

const view = new DataView(new ArrayBuffer(8));

const fromBitsOf = (bits) => {
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
};

const bitsOf = (x) => {
  view.setFloat64(0, x);
  return view.getBigUint64(0);
};

export function echo(x) {
  return x;
}

export function fromBits(bits) {
  return fromBitsOf(bits);
}

export function sum(xs) {
  return xs.reduce((a, b) => a + b, 0);
}

const VALUES = [
  0n,
  1n << 63n,
  0x000fffffffffffffn, // the largest subnormal
  bitsOf(Number.MAX_VALUE),
  bitsOf(-Number.MAX_VALUE),
  bitsOf(Infinity),
  bitsOf(-Infinity),
  0x7ff8000000000001n,
  0xfff8000000001234n,
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
