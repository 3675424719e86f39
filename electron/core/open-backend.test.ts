import { describe, expect, it } from 'vitest';
import { useTempFolder } from './fixtures/temp-folder';
import { preparePool } from './import/workers/prepare-pool';
import { openBackend } from './open-backend';

const temp = useTempFolder('lectern-backend-');

describe('openBackend', () => {
  it('holds the library until closed, then lets the next backend open it', async () => {
    const first = await openBackend(temp.dir);
    await expect(openBackend(temp.dir)).rejects.toMatchObject({ code: 'library-in-use' });
    await first.close();
    const second = await openBackend(temp.dir);
    expect(await second.dispatch('listArticles', [])).toEqual({ ok: true, value: [] });
    await second.close();
  });

  it("lets a window's index wait, loads it at once for a search with words, and closes without waiting", async () => {
    const first = await openBackend(temp.dir);
    const clip = await first.service.importText({
      text: 'Harbour lights\n\nThe keeper lit the lamps at dusk.',
    });
    expect(clip.status).toBe('imported');
    await first.background;
    await first.search.settled();
    await first.close();

    const second = await openBackend(temp.dir, { indexDelayMs: 60_000 });
    expect(second.search.state).toBe('loading');
    const found = await second.service.search('keeper lamps');
    expect(second.search.state).toBe('ready');
    expect(found.ids).toHaveLength(1);
    const started = Date.now();
    await second.close();
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("starts an import worker as soon as a window's backend opens, not after the index's wait", async () => {
    const backend = await openBackend(temp.dir, { indexDelayMs: 60_000 });
    expect(preparePool.workers).toBe(1);
    await backend.close();
  });
});
