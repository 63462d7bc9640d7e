// The `basics` scenario's JavaScript guest.
import { log, addOne } from 'knit:basics/host';

export function greet(name) {
  return `hello, ${name}!`;
}

export function sumPoints(points) {
  const sum = { x: 0, y: 0, label: '' };
  for (const p of points) {
    sum.x += p.x;
    sum.y += p.y;
  }
  sum.label = points.map((p) => p.label).join('+');
  return sum;
}

export function checkedDiv(a, b) {
  if (b === 0) {
    throw `cannot divide ${a} by zero`;
  }
  return Math.floor(a / b);
}

export function callHost(x) {
  log(`call-host(${x})`);
  return addOne(x) * 2;
}
