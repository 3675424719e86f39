import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { SearchEngine } from '../search/search-engine';
import { addOtherProgramsSettings, newArticle, readJson, useLibraryFolder } from './fixtures/library-folder';

const temp = useLibraryFolder();
const elsewhere = useLibraryFolder();

/** Waits until `check` holds, looking every 20 ms, for at most `ms`. */
async function until(check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('the change was not noticed in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('watching the library folder', () => {
  it('notices article folders another program adds, changes and removes', async () => {
    const library = await temp.open(temp.dir);
    const search = new SearchEngine(library);
    await search.start();
    library.watch(100);
    const events: LecternEvent[] = [];
    library.onChange((event) => events.push(event));

    // A sync tool brings in an article written on another machine.
    const other = await elsewhere.open(elsewhere.dir);
    const { id } = await other.add(newArticle('Kittiwake Colonies'));
    await cp(join(elsewhere.dir, 'articles', id), join(temp.dir, 'articles', id), { recursive: true });
    // A rescan takes in every new folder before it announces them, so the
    // article can be listed a moment before the event goes out.
    await until(() => library.has(id) && events.length > 0);
    expect(events).toContainEqual(expect.objectContaining({ type: 'library-changed' }));
    search.notify([id]);
    expect((await search.search('kittiwake')).ids).toEqual([id]);

    // It changes the record in place.
    const path = join(temp.dir, 'articles', id, 'article.json');
    const record = JSON.parse(await readFile(path, 'utf8')) as { title: string; updatedAt: string };
    await writeFile(
      path,
      JSON.stringify({ ...record, title: 'Fulmar Ledges', updatedAt: new Date().toISOString() }),
    );
    await until(() => library.has(id) && library.summary(id).title === 'Fulmar Ledges');
    search.notify([id]);
    expect((await search.search('fulmar')).ids).toEqual([id]);

    // And it removes the folder.
    await rm(join(temp.dir, 'articles', id), { recursive: true });
    await until(() => !library.has(id));
    expect(events.at(-1)).toEqual({ type: 'library-changed', changed: [], removed: [id] });
    search.notify([id]);
    expect((await search.search('fulmar')).ids).toEqual([]);
    await search.close();
  });

  it('rescans only for folders it does not have as they are, not for its own writes', async () => {
    const library = await temp.open(temp.dir);
    library.watch(60_000);
    const rescans = vi.spyOn(library, 'rescan');
    const { added } = await library.addMany(
      Array.from({ length: 40 }, (_, i) => ({ article: newArticle(`Own ${i}`) })),
    );
    await library.trash(added[0]?.id as string);
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(rescans).not.toHaveBeenCalled();

    const other = await elsewhere.open(elsewhere.dir);
    const { id } = await other.add(newArticle('Kittiwake Colonies'));
    await cp(join(elsewhere.dir, 'articles', id), join(temp.dir, 'articles', id), { recursive: true });
    await until(() => library.has(id));
    expect(rescans).toHaveBeenCalledTimes(1);
  });

  it('takes in a saved view and a tag colour written to lectern.json, and keeps them on the next change', async () => {
    const library = await temp.open(temp.dir);
    library.watch();
    const events: LecternEvent[] = [];
    library.onChange((event) => events.push(event));
    const path = await addOtherProgramsSettings(temp.dir);
    await until(() => library.file.savedViews().length === 1);
    expect(library.file.tagColors()).toEqual({ sync: 'blue' });
    expect(events).toContainEqual({ type: 'library-settings-changed' });

    await library.file.saveView('Mine', 'is:favorite');
    expect(await readJson(path)).toMatchObject({
      savedViews: [
        { name: 'Synced', query: 'tag:sync' },
        { name: 'Mine', query: 'is:favorite' },
      ],
      tagColors: { sync: 'blue' },
    });
  });
});
