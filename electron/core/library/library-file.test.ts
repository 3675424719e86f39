import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught, newArticle, readJson, steppingClock, useLibraryFolder } from './fixtures/library-folder';

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
    expect(reopened.problems[0]?.message).toContain('lectern.json was damaged');
    expect(reopened.problems[0]?.message).toContain(aside);
    expect(reopened.list().map((a) => a.id)).toEqual([meta.id]);
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
});
