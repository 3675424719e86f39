import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LecternEvent } from '../../shared/api';
import {
  addOtherProgramsSettings,
  caught,
  newArticle,
  readJson,
  steppingClock,
  useLibraryFolder,
} from './fixtures/library-folder';

const temp = useLibraryFolder();

describe('lectern.json', () => {
  it('creates lectern.json with format version 1 and the library folders', async () => {
    const library = await temp.open(temp.dir, () => new Date('2024-05-06T07:08:09.000Z'));

    expect(await readJson(join(temp.dir, 'lectern.json'))).toEqual({
      formatVersion: 1,
      createdAt: '2024-05-06T07:08:09.000Z',
      tagColors: {},
      savedViews: [],
      settings: {},
    });
    expect((await stat(join(temp.dir, 'articles'))).isDirectory()).toBe(true);
    expect((await stat(join(temp.dir, 'trash'))).isDirectory()).toBe(true);
    expect(library.list()).toEqual([]);
    expect(library.problems).toEqual([]);
  });

  it('keeps an existing lectern.json as it is on reopen', async () => {
    await temp.open(temp.dir, () => new Date('2024-01-01T00:00:00.000Z'));
    await temp.open(temp.dir, () => new Date('2030-01-01T00:00:00.000Z'));

    expect(await readJson(join(temp.dir, 'lectern.json'))).toMatchObject({
      formatVersion: 1,
      createdAt: '2024-01-01T00:00:00.000Z',
    });
  });

  it.each([
    ['invalid JSON', '{"formatVersion": 1, '],
    ['an empty file', ''],
    ['JSON without a format version', '{"tagColors": {}}'],
    ['a JSON array', '[1, 2, 3]'],
  ])('sets a lectern.json holding %s aside and still lists the articles', async (_label, damaged) => {
    const library = await temp.open(temp.dir, steppingClock());
    const meta = await library.add(newArticle('Survivor'));
    await writeFile(join(temp.dir, 'lectern.json'), damaged);

    const when = new Date('2024-02-03T04:05:06.000Z');
    const reopened = await temp.open(temp.dir, () => when);

    const aside = join(temp.dir, `lectern.json.damaged-${when.getTime()}`);
    expect(await readFile(aside, 'utf8')).toBe(damaged);
    expect(await readJson(join(temp.dir, 'lectern.json'))).toMatchObject({ formatVersion: 1 });
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.problems[0]?.path).toBe(aside);
    expect(reopened.problems[0]?.message).toMatch(/lectern\.json (was damaged|had wrong values)/);
    expect(reopened.problems[0]?.message).toContain(aside);
    expect(reopened.list().map((a) => a.id)).toEqual([meta.id]);
  });

  it('repairs valid JSON that is wrong field by field, keeping what is right', async () => {
    await temp.open(temp.dir);
    await writeFile(
      join(temp.dir, 'lectern.json'),
      JSON.stringify({
        formatVersion: 0,
        tagColors: { work: 'red', bad: 7 },
        savedViews: [{ name: 'Long', query: 'words:>3000' }, { name: 3 }, 'x'],
        settings: 'loud',
      }),
    );

    const reopened = await temp.open(temp.dir);

    expect(reopened.file.tagColors()).toEqual({ work: 'red' });
    expect(reopened.file.savedViews()).toEqual([{ name: 'Long', query: 'words:>3000' }]);
    expect(reopened.file.readerSettings().fontSize).toBeGreaterThan(0);
    expect(reopened.problems[0]?.message).toMatch(
      /formatVersion, createdAt, tagColors, savedViews, settings/,
    );
    expect(await readJson(join(temp.dir, 'lectern.json'))).toMatchObject({ formatVersion: 1, settings: {} });
    await reopened.file.saveView('Short', 'words:<500');
    expect(reopened.file.savedViews()).toHaveLength(2);
  });

  it('refuses a library written in a newer format, leaving it untouched', async () => {
    const newer = `${JSON.stringify({ formatVersion: 99, createdAt: 'x', tagColors: {}, savedViews: [], settings: {} })}\n`;
    await writeFile(join(temp.dir, 'lectern.json'), newer);

    const error = await caught(temp.open(temp.dir));

    expect(error.code).toBe('library-unavailable');
    expect(error.message).toContain('newer Lectern');
    expect(error.message).toContain('format 99');
    expect(error.message).toContain(temp.dir);
    expect(await readFile(join(temp.dir, 'lectern.json'), 'utf8')).toBe(newer);
  });

  it('changes tag colours, saved views and reader settings through typed methods, each announced once', async () => {
    const library = await temp.open(temp.dir);
    const events: LecternEvent[] = [];
    library.onChange((event) => events.push(event));

    await library.file.changeTagColors((colors) => {
      colors.work = 'red';
    });
    await library.file.saveView('Long reads', 'words:>2000');
    await library.file.saveView('Long reads', 'words:>3000');
    const settings = await library.file.updateReaderSettings({ fontSize: 21 });
    await library.file.deleteView('Long reads');
    expect((await caught(library.file.deleteView('Long reads'))).code).toBe('not-found');

    expect(events.map((event) => event.type)).toEqual([
      'library-settings-changed',
      'library-settings-changed',
      'library-settings-changed',
      'settings-changed',
      'library-settings-changed',
    ]);
    expect(events[3]).toEqual({ type: 'settings-changed', settings });
    expect(settings.fontSize).toBe(21);
    const reopened = await temp.open(temp.dir);
    expect(reopened.file.tagColors()).toEqual({ work: 'red' });
    expect(reopened.file.savedViews()).toEqual([]);
    expect(reopened.file.readerSettings()).toEqual(settings);
  });

  it('keeps both of two settings changes made at once', async () => {
    const library = await temp.open(temp.dir);
    const [first, second] = await Promise.all([
      library.file.updateReaderSettings({ fontSize: 24 }),
      library.file.updateReaderSettings({ lineHeight: 1.9 }),
      library.file.updateLibraryOptions({}),
    ]);
    expect(first.fontSize).toBe(24);
    expect(second).toMatchObject({ fontSize: 24, lineHeight: 1.9 });
    const reopened = await temp.open(temp.dir);
    expect(reopened.file.readerSettings()).toMatchObject({ fontSize: 24, lineHeight: 1.9 });
  });

  it('keeps the data as it was, and announces nothing, when the write fails', async () => {
    const library = await temp.open(temp.dir);
    const events: LecternEvent[] = [];
    library.onChange((event) => events.push(event));
    await rm(join(temp.dir, 'lectern.json'));
    await mkdir(join(temp.dir, 'lectern.json'));

    const error = await caught(library.file.changeTagColors((colors) => void (colors.work = 'red')));

    expect(error.code).toBe('library-unavailable');
    expect(library.file.tagColors()).toEqual({});
    expect(events).toEqual([]);
  });

  it('keeps a saved view and a tag colour another program added when it next writes', async () => {
    const library = await temp.open(temp.dir);
    const path = await addOtherProgramsSettings(temp.dir);

    await library.file.updateReaderSettings({ fontSize: 20 });

    expect(await readJson(path)).toMatchObject({
      savedViews: [{ name: 'Synced', query: 'tag:sync' }],
      tagColors: { sync: 'blue' },
      settings: { reader: { fontSize: 20 } },
    });
    expect(library.file.savedViews()).toEqual([{ name: 'Synced', query: 'tag:sync' }]);
  });

  it('takes in and announces a change another program made, on reload', async () => {
    const library = await temp.open(temp.dir);
    const events: LecternEvent[] = [];
    library.onChange((event) => events.push(event));
    const path = join(temp.dir, 'lectern.json');
    const onDisk = (await readJson(path)) as Record<string, unknown>;
    await writeFile(path, JSON.stringify({ ...onDisk, tagColors: { sync: 'blue' } }));

    await library.file.reload();
    await library.file.reload();

    expect(library.file.tagColors()).toEqual({ sync: 'blue' });
    expect(events).toEqual([{ type: 'library-settings-changed' }]);
  });
});
