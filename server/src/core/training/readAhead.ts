// Reading documents a few ahead of their processing: export and import touch hundreds of small files, and one
// at a time the process mostly waits on the disk. Memory stays bounded by the window, not the corpus.

/** Yields [item, load(item)] in the order of `items`, with up to `depth` loads in flight ahead of the consumer. */
export async function* readAhead<T, R>(items: readonly T[], depth: number, load: (item: T) => Promise<R>): AsyncGenerator<[T, R]> {
  const window: Array<Promise<R>> = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && window.length < depth) {
      const loading = load(items[next++]);
      // Awaited in turn below; until then a failure must not count as unhandled.
      loading.catch(() => undefined);
      window.push(loading);
    }
  };
  fill();
  for (let i = 0; i < items.length; i++) {
    const result = await window.shift()!;
    fill();
    yield [items[i], result];
  }
}
