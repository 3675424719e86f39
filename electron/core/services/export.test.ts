import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import type { ExportApi, LecternEvent } from '../../shared/api';
import { EventHub } from '../events';
import { useFixtureLibrary } from '../export/fixture-library';
import { exportService } from './export';

const fixture = useFixtureLibrary();
const work = useTempFolder('lectern-export-service-', 'whole file');
let service: ExportApi;
const events: LecternEvent[] = [];
const switched: string[] = [];

beforeAll(async () => {
  const hub = new EventHub();
  hub.subscribe((event) => events.push(event));
  service = exportService({
    library: fixture().library,
    search: fixture().search,
    events: hub,
    switchLibrary: async (dir) => void switched.push(dir),
  });
});

describe('exportService', () => {
  it('chooses articles with the search query language', async () => {
    const out = join(work.dir, 'archived.csv');
    const outcome = await service.exportArticles({ format: 'readwise', out, query: 'tag:work is:archived' });
    expect(outcome).toMatchObject({ articles: 1, written: 2 });
    expect(await readFile(out, 'utf8')).toContain('Keepers of the Light');
    const all = await service.exportArticles({ format: 'annotations', out: join(work.dir, 'all.jsonld') });
    expect(all).toMatchObject({ articles: 2, written: 3 });
  });

  it('reports progress as events for a job', async () => {
    events.length = 0;
    await service.exportArticles({ format: 'bookmarks', out: join(work.dir, 'b.html') }, { jobId: 'j1' });
    expect(events).toEqual([
      { type: 'export-progress', jobId: 'j1', done: 1, total: 2 },
      { type: 'export-progress', jobId: 'j1', done: 2, total: 2 },
    ]);
  });

  it('stops a cancelled job and leaves no output behind', async () => {
    const out = join(work.dir, 'cancelled');
    const running = service.exportArticles(
      { format: 'markdown', out, ids: [fixture().page, fixture().book] },
      { jobId: 'j2' },
    );
    await service.cancelExport('j2');
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(await readdir(out).catch(() => [])).toEqual([]);
  });

  it('shapes Markdown with the library’s template when the request names none', async () => {
    await fixture().library.file.updateLibraryOptions({ markdownTemplate: 'Only {{title}}\n' });
    try {
      const out = join(work.dir, 'templated');
      await service.exportArticles({ format: 'markdown', out, ids: [fixture().page] });
      const [name] = await readdir(out);
      expect(await readFile(join(out, name as string), 'utf8')).toMatch(/^Only /);
    } finally {
      await fixture().library.file.updateLibraryOptions({ markdownTemplate: null });
    }
  });

  it('refuses ids that are not in the library', async () => {
    await expect(
      service.exportArticles({ format: 'epub', out: join(work.dir, 'x.epub'), ids: ['aaaaaaaaaa-bbbbbbbb'] }),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('restores an uploaded backup into a new folder, then asks the host to switch to it', async () => {
    const made = join(work.dir, 'for-restore.zip');
    await service.exportArticles({ format: 'backup', out: made });
    const backup = await service.uploadBackup({
      name: 'for-restore.zip',
      type: 'application/zip',
      bytes: await readFile(made),
    });
    const preview = await service.previewRestore({ backup, target: { into: 'merge' } });
    expect(preview).toMatchObject({ articles: 2, trashed: 1, alreadyPresent: 3, conflicts: [] });
    expect(preview.suggestedDir).toMatch(/Lectern Library \(restored \d{4}-\d\d-\d\d\)$/);
    const dir = join(work.dir, 'restored-library');
    events.length = 0;
    const outcome = await service.restoreBackup({ backup, target: { into: 'new', dir } }, { jobId: 'r1' });
    expect(outcome).toMatchObject({ dir, added: 3, merged: 0 });
    expect(events.at(-1)).toMatchObject({ type: 'export-progress', jobId: 'r1' });
    await expect(stat(backup)).rejects.toThrow(/ENOENT/);
    await service.openLibrary(dir);
    expect(switched).toEqual([dir]);
  });

  it('refuses to restore into a folder that is not empty, or to open a folder that is no library', async () => {
    const backup = join(work.dir, 'for-restore.zip');
    await expect(
      service.previewRestore({ backup, target: { into: 'new', dir: fixture().dir } }),
    ).rejects.toThrow(/is not empty/);
    await expect(service.openLibrary(work.dir)).rejects.toThrow(/does not hold a Lectern library/);
  });
});
