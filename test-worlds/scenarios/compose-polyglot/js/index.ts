// The `compose-polyglot` scenario's JavaScript component, in TypeScript (type-checked by knit
// against its own declarations): relays the Rust application's calls to the Go component.
import { checksum, divide, transform } from 'knit:compose-polyglot/values';
import type { Item } from 'knit:compose-polyglot/values';

export const relay = {
  relayTransform(items: Item[]): Item[] {
    return transform(items).map((item) => ({ ...item, tags: [...item.tags, 'js'] }));
  },
  relayDivide(a: number, b: number): number {
    try {
      return divide(a, b);
    } catch (e) {
      const payload = (e as { payload?: unknown }).payload;
      throw `js: ${String(payload)}`;
    }
  },
  relayChecksum(data: Uint8Array): [number, number] {
    return checksum(data);
  },
};
