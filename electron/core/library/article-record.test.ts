import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newArticle, readJson, steppingClock, useLibraryFolder } from './fixtures/library-folder';

const temp = useLibraryFolder();

describe('article.json', () => {
  it.each([
    ['invalid JSON', '{"id": "broken'],
    ['a record for another id', JSON.stringify({ id: '0000000000-zzzzzzzz', title: 'x', addedAt: 'x' })],
    ['a record without a title', '{"addedAt": "2024-01-01T00:00:00.000Z"}'],
  ])('sets aside an article.json holding %s and lists the article as damaged', async (_label, damaged) => {
    const library = await temp.open(temp.dir, steppingClock());
    const good = await library.add(newArticle('Good'));
    const bad = await library.add(newArticle('Bad'));
    const folder = join(temp.dir, 'articles', bad.id);
    await writeFile(join(folder, 'article.json'), damaged);
    await library.close();

    const reopened = await temp.open(temp.dir);
    await reopened.verify();

    expect(
      reopened
        .list()
        .map((a) => a.id)
        .sort(),
    ).toEqual([good.id, bad.id].sort());
    expect(reopened.damaged().map((a) => a.id)).toEqual([bad.id]);
    expect(reopened.summary(bad.id).title).toBe('Bad');
    expect(reopened.problems.map((p) => p.message).join()).toMatch(/recovered the article/);
    const aside = (await readdir(folder)).find((name) => name.startsWith('article.json.damaged-'));
    expect(await readFile(join(folder, aside ?? 'none'), 'utf8')).toBe(damaged);
  });

  it('keeps the record each write replaces as article.json.bak', async () => {
    const library = await temp.open(temp.dir, steppingClock());
    const article = await library.add(newArticle('Kept'));
    await library.update(article.id, (meta) => void (meta.tags = ['one']));
    await library.update(article.id, (meta) => void (meta.tags = ['two']));

    const folder = join(temp.dir, 'articles', article.id);
    expect(await readJson(join(folder, 'article.json.bak'))).toMatchObject({ tags: ['one'] });
    expect(await readJson(join(folder, 'article.json'))).toMatchObject({ tags: ['two'] });
  });
});
