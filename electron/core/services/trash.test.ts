import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { useBackend } from '../fixtures/backend-folder';

const temp = useBackend();
let removed: string[];

beforeEach(async () => {
  removed = [];
  temp.backend.events.subscribe((event: LecternEvent) => {
    if (event.type === 'library-changed') removed.push(...event.removed);
  });
});

/** Imports a clip per title and returns the new articles' ids, in order. */
async function articles(...titles: string[]): Promise<string[]> {
  const outcomes = await Promise.all(
    titles.map((title) => temp.backend.service.importText({ text: `${title}\n\nBody.` })),
  );
  return outcomes.map((outcome) => (outcome.status === 'imported' ? outcome.article.id : ''));
}

describe('emptyTrash', () => {
  it('says how many it deleted before the one it could not, and reports those as removed', async () => {
    const [gone = '', kept = ''] = await articles('Gone', 'Kept');
    await temp.backend.service.trashArticles([gone]);
    await expect(temp.backend.service.emptyTrash([gone, kept])).rejects.toThrow(
      '1 of 2 deleted; “Kept” could not be deleted because Only articles in the trash can be deleted for good.',
    );
    expect(removed).toEqual([gone]);
    expect(temp.backend.library.has(gone)).toBe(false);
  });

  it('names the folder it could not remove, and deletes nothing it has not said', async () => {
    await temp.backend.service.trashArticles(await articles('First', 'Second'));
    // The trash folder replaced by a file: its entries cannot be removed, even by root.
    await rename(join(temp.dir, 'trash'), join(temp.dir, 'trash-aside'));
    await writeFile(join(temp.dir, 'trash'), '');
    const failure = temp.backend.service.emptyTrash();
    await expect(failure).rejects.toThrow(
      /^0 of 2 deleted; “(First|Second)” could not be deleted because Lectern could not delete/,
    );
    await expect(failure).rejects.toMatchObject({ code: 'library-unavailable' });
    expect(removed).toEqual([]);
    expect(temp.backend.library.trashed()).toHaveLength(2);
  });
});
