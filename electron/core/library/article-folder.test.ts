import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exists, newArticle, steppingClock, useLibraryFolder } from './fixtures/library-folder';

const temp = useLibraryFolder();

describe('article folders', () => {
  it('removes leftover staging folders on open and ignores folders that are not articles', async () => {
    const library = await temp.open(temp.dir, steppingClock());
    const meta = await library.add(newArticle('Real'));
    const staging = join(temp.dir, 'articles', '.staging-0000000001-abcdefgh');
    await mkdir(join(staging, 'assets'), { recursive: true });
    await writeFile(join(staging, 'content.html'), '<p>half written</p>');
    await mkdir(join(temp.dir, 'articles', 'not-an-article'));

    const reopened = await temp.open(temp.dir);

    expect(await exists(staging)).toBe(false);
    expect(await exists(join(temp.dir, 'articles', 'not-an-article'))).toBe(true);
    expect(reopened.list().map((a) => a.id)).toEqual([meta.id]);
    expect(reopened.problems).toEqual([]);
  });
});
