import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempFolder } from '../fixtures/temp-folder';
import {
  KEPT_VERSIONS,
  listVersions,
  readVersion,
  saveVersion,
  type StoredVersion,
} from './article-versions';

const temp = useTempFolder('lectern-versions-');

function version(minute: number): StoredVersion {
  const at = new Date(Date.UTC(2026, 0, 1, 12, minute));
  return {
    id: at.toISOString().replace(/[:.]/g, '-'),
    savedAt: at.toISOString(),
    replacedBy: 'reextract',
    details: { title: `Take ${minute}`, byline: null, siteName: null, published: null },
    excerpt: '',
    wordCount: minute,
    lang: null,
  };
}

describe('saveVersion', () => {
  it(`keeps the newest ${KEPT_VERSIONS} versions, removing the oldest as a new one is written`, async () => {
    const saved: StoredVersion[] = [];
    for (let minute = 1; minute <= KEPT_VERSIONS + 2; minute++) {
      saved.push(await saveVersion(temp.dir, version(minute), `<p>Take ${minute}</p>`));
    }
    const kept = await listVersions(temp.dir);
    expect(kept.map((kept) => kept.wordCount)).toEqual([7, 6, 5, 4, 3]);
    expect(await readdir(join(temp.dir, 'versions'))).toHaveLength(KEPT_VERSIONS);
    expect(await readVersion(temp.dir, saved[0]!.id)).toBeNull();
    expect((await readVersion(temp.dir, saved[2]!.id))?.html).toBe('<p>Take 3</p>');
  });

  it('keeps as many as it is told to', async () => {
    for (let minute = 1; minute <= 3; minute++) await saveVersion(temp.dir, version(minute), '<p>x</p>', 1);
    expect((await listVersions(temp.dir)).map((kept) => kept.wordCount)).toEqual([3]);
  });
});
