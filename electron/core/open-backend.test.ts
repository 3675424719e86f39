import { cp, readdir } from 'node:fs/promises';
import { join } from 'node:path';
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

  it('takes in what another program adds to the folder, unless opened without a watch', async () => {
    const source = await openBackend(join(temp.dir, 'elsewhere'));
    await source.service.importText({ text: 'Kittiwakes\n\nThey nest on the ledges.' });
    await source.close();
    const [id] = await readdir(join(temp.dir, 'elsewhere', 'articles'));
    const watched = await openBackend(join(temp.dir, 'watched'));
    const unwatched = await openBackend(join(temp.dir, 'unwatched'), { watch: false });
    await Promise.all([watched.background, unwatched.background]);
    for (const library of ['watched', 'unwatched'])
      await cp(
        join(temp.dir, 'elsewhere', 'articles', id as string),
        join(temp.dir, library, 'articles', id as string),
        {
          recursive: true,
        },
      );
    const end = Date.now() + 10_000;
    while (!watched.library.has(id as string) && Date.now() < end)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(watched.library.has(id as string)).toBe(true);
    expect(unwatched.library.has(id as string)).toBe(false);
    await Promise.all([watched.close(), unwatched.close()]);
  });

  it("starts an import worker as soon as a window's backend opens, not after the index's wait", async () => {
    const backend = await openBackend(temp.dir, { indexDelayMs: 60_000 });
    expect(preparePool.workers).toBe(1);
    await backend.close();
  });
});
