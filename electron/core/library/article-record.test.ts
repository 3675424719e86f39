import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caught, exists, newArticle, steppingClock, useLibraryFolder } from './fixtures/library-folder';

const temp = useLibraryFolder();

describe('article.json', () => {
  it.each([
    ['invalid JSON', '{"id": "broken'],
    ['a record for another id', JSON.stringify({ id: '0000000000-zzzzzzzz', title: 'x', addedAt: 'x' })],
    ['a record without a title', '{"addedAt": "2024-01-01T00:00:00.000Z"}'],
  ])('skips an article.json holding %s with a problem, leaving it on disk', async (_label, damaged) => {
    const library = await temp.open(temp.dir, steppingClock());
    const good = await library.add(newArticle('Good'));
    const bad = await library.add(newArticle('Bad'));
    const badPath = join(temp.dir, 'articles', bad.id, 'article.json');
    await writeFile(badPath, damaged);

    const reopened = await temp.open(temp.dir);

    expect(reopened.list().map((a) => a.id)).toEqual([good.id]);
    expect(reopened.problems).toHaveLength(1);
    expect(reopened.problems[0]?.path).toBe(badPath);
    expect(reopened.problems[0]?.message).toMatch(/skipped and left on disk/);
    expect(await readFile(badPath, 'utf8')).toBe(damaged);
    expect(await exists(join(temp.dir, 'articles', bad.id, 'content.html'))).toBe(true);
    expect((await caught(reopened.get(bad.id))).code).toBe('not-found');
  });
});
