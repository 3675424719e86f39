import { describe, expect, it } from 'vitest';
import { BURST_FROM, FEED_BATCH, SearchFeed } from './search-feed';

/** An engine that records what it is handed and is settled when the test says so. */
class RecordingEngine {
  readonly handed: string[][] = [];
  #release: () => void = () => undefined;
  settling = 0;

  notify(ids: Iterable<string>): void {
    this.handed.push([...ids]);
  }

  settled(): Promise<void> {
    this.settling++;
    return new Promise((resolve) => (this.#release = resolve));
  }

  release(): void {
    this.#release();
  }
}

const ids = (count: number, prefix = 'a') => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUIET_MS = 30;

describe('SearchFeed', () => {
  it('hands a lone change to the engine at once', () => {
    const engine = new RecordingEngine();
    const feed = new SearchFeed(engine, { quietMs: QUIET_MS });
    feed.add(['x']);
    expect(engine.handed).toEqual([['x']]);
  });

  it('holds a burst until the changes pause, then hands it over in batches, each once the last is indexed', async () => {
    const engine = new RecordingEngine();
    const feed = new SearchFeed(engine, { quietMs: QUIET_MS });
    const burst = ids(FEED_BATCH * 2 + 10);
    feed.add(burst.slice(0, BURST_FROM));
    // While a burst is held, even a small change joins it.
    feed.add(burst.slice(BURST_FROM, BURST_FROM + 1));
    feed.add(burst.slice(BURST_FROM + 1));
    expect(engine.handed).toEqual([]);

    await wait(QUIET_MS * 3);
    expect(engine.handed).toHaveLength(1);
    expect(engine.handed[0]).toHaveLength(FEED_BATCH);
    engine.release();
    await wait(0);
    expect(engine.handed).toHaveLength(2);
    engine.release();
    await wait(0);
    expect(engine.handed.map((batch) => batch.length)).toEqual([FEED_BATCH, FEED_BATCH, 10]);
    expect(engine.handed.flat()).toEqual(burst);
    engine.release();
    await wait(0);

    // Once the burst is indexed, a lone change goes straight through again.
    feed.add(['later']);
    expect(engine.handed.at(-1)).toEqual(['later']);
    await feed.close();
  });

  it('hands over what it still holds when closed', async () => {
    const engine = new RecordingEngine();
    const feed = new SearchFeed(engine, { quietMs: 60_000 });
    feed.add(ids(BURST_FROM));
    await feed.close();
    expect(engine.handed).toEqual([ids(BURST_FROM)]);
    feed.add(['after']);
    expect(engine.handed).toHaveLength(1);
  });
});
