import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import { openBackend, type Backend } from '../open-backend';

let dir: string;
let backend: Backend;
let removed: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-trash-'));
  backend = await openBackend(dir);
  removed = [];
  backend.events.subscribe((event: LecternEvent) => {
    if (event.type === 'library-changed') removed.push(...event.removed);
  });
});

afterEach(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

/** Imports a clip per title and returns the new articles' ids, in order. */
async function articles(...titles: string[]): Promise<string[]> {
  const outcomes = await Promise.all(
    titles.map((title) => backend.service.importText({ text: `${title}\n\nBody.` })),
  );
  return outcomes.map((outcome) => (outcome.status === 'imported' ? outcome.article.id : ''));
}

describe('emptyTrash', () => {
  it('says how many it deleted before the one it could not, and reports those as removed', async () => {
    const [gone = '', kept = ''] = await articles('Gone', 'Kept');
    await backend.service.trashArticles([gone]);
    await expect(backend.service.emptyTrash([gone, kept])).rejects.toThrow(
      '1 of 2 deleted; “Kept” could not be deleted because Only articles in the trash can be deleted for good.',
    );
    expect(removed).toEqual([gone]);
    expect(backend.library.has(gone)).toBe(false);
  });

  it('names the folder it could not remove, and deletes nothing it has not said', async () => {
    await backend.service.trashArticles(await articles('First', 'Second'));
    // The trash folder replaced by a file: its entries cannot be removed, even by root.
    await rename(join(dir, 'trash'), join(dir, 'trash-aside'));
    await writeFile(join(dir, 'trash'), '');
    const failure = backend.service.emptyTrash();
    await expect(failure).rejects.toThrow(
      /^0 of 2 deleted; “(First|Second)” could not be deleted because Lectern could not delete/,
    );
    await expect(failure).rejects.toMatchObject({ code: 'library-unavailable' });
    expect(removed).toEqual([]);
    expect(backend.library.trashed()).toHaveLength(2);
  });
});
