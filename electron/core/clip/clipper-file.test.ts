import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import { CLIPPER_FILE, ClipperFile, REMEMBERED_REQUESTS } from './clipper-file';

const temp = useTempFolder('lectern-clipper-');

const BROWSER = {
  id: 'b1',
  browser: 'Chrome',
  extensionId: 'abc',
  tokenHash: 'ff'.repeat(32),
  pairedAt: '2026-12-03T10:00:00.000Z',
  lastUsedAt: null,
};

describe('ClipperFile', () => {
  it('keeps paired browsers and request ids across a reopen, and never a token', async () => {
    const file = await ClipperFile.open(temp.dir);
    await file.addBrowser(BROWSER);
    await file.rememberRequest({ requestId: 'request-1', articleId: 'article-1' });
    await file.touchBrowser('b1', '2026-12-03T11:00:00.000Z');
    const reopened = await ClipperFile.open(temp.dir);
    expect(reopened.browsers()).toEqual([{ ...BROWSER, lastUsedAt: '2026-12-03T11:00:00.000Z' }]);
    expect(reopened.articleFor('request-1')).toBe('article-1');
    expect(reopened.articleFor('request-2')).toBeNull();
    expect(await readFile(join(temp.dir, CLIPPER_FILE), 'utf8')).not.toMatch(/token"/);
  });

  it('forgets a revoked browser', async () => {
    const file = await ClipperFile.open(temp.dir);
    await file.addBrowser(BROWSER);
    expect(await file.removeBrowser('b1')).toBe(true);
    expect(await file.removeBrowser('b1')).toBe(false);
    expect((await ClipperFile.open(temp.dir)).browsers()).toEqual([]);
  });

  it(`remembers the last ${REMEMBERED_REQUESTS} request ids`, async () => {
    const requests = Array.from({ length: REMEMBERED_REQUESTS }, (_, i) => ({
      requestId: `request-${i}`,
      articleId: `a${i}`,
    }));
    await writeFile(
      join(temp.dir, CLIPPER_FILE),
      JSON.stringify({ formatVersion: 1, browsers: [], requests }),
    );
    const file = await ClipperFile.open(temp.dir);
    expect(file.articleFor('request-0')).toBe('a0');
    await file.rememberRequest({ requestId: 'request-new', articleId: 'new' });
    expect(file.articleFor('request-0')).toBeNull();
    expect(file.articleFor('request-1')).toBe('a1');
    expect(file.articleFor('request-new')).toBe('new');
  });

  it('starts afresh from a damaged file, and drops entries of the wrong shape', async () => {
    await writeFile(join(temp.dir, CLIPPER_FILE), '{ not json');
    expect((await ClipperFile.open(temp.dir)).browsers()).toEqual([]);
    await writeFile(
      join(temp.dir, CLIPPER_FILE),
      JSON.stringify({ browsers: [BROWSER, { id: 3 }], requests: [{ requestId: 'r' }] }),
    );
    const file = await ClipperFile.open(temp.dir);
    expect(file.browsers()).toEqual([BROWSER]);
    expect(file.articleFor('r')).toBeNull();
  });
});
