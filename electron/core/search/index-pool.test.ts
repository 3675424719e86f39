import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFolder } from '../library/article-folder';
import { newArticle, useLibraryFolder } from '../library/fixtures/library-folder';
import type { Library } from '../library/library';
import { oneByOneIndex } from './fixtures/one-by-one-index';
import { IndexPool } from './index-pool';
import type { SegmentItem } from './index-segment';
import { InvertedIndex } from './inverted-index';

const folder = useLibraryFolder();

const WORDS = 'harbour tide gull café Ærø naïve 2024 storm petrel σοφία lighthouse keeper'.split(' ');

/** Articles of varied words, some trashed, one with highlights and a note, one whose text is gone. */
async function fixtureLibrary(): Promise<{ library: Library; items: SegmentItem[]; unreadable: string }> {
  const library = await folder.open(folder.dir);
  const ids: string[] = [];
  for (let i = 0; i < 90; i++) {
    const article = newArticle(`Article ${i} ${WORDS[i % WORDS.length] as string}`);
    const words = Array.from({ length: 40 + i }, (_, w) => WORDS[(i * 7 + w * w) % WORDS.length]);
    article.html = `<h2>Part ${i}</h2><p>${words.join(' ')}</p><p>word${i} &amp; more&nbsp;text</p>`;
    ids.push((await library.add(article)).id);
  }
  await library.update(ids[3] as string, (meta) => {
    meta.note = 'A note on the storm';
  });
  for (const id of ids.filter((_, i) => i % 17 === 5)) await library.trash(id);
  const unreadable = ids[40] as string;
  await rm(join(articleFolder(folder.dir, 'articles', unreadable), 'content.html'));
  const trashed = new Set(library.summaries('trash').map((a) => a.id));
  const items = ids.map((id) => ({
    id,
    place: trashed.has(id) ? ('trash' as const) : ('articles' as const),
    stamp: library.summary(id).updatedAt,
  }));
  return { library, items, unreadable };
}

async function inSegments(
  pool: IndexPool,
  items: SegmentItem[],
): Promise<{ index: InvertedIndex; unreadable: string[]; workers: number }> {
  const index = new InvertedIndex();
  const unreadable: string[] = [];
  const builds = [];
  for (let at = 0; at < items.length; at += 25) builds.push(pool.build(folder.dir, items.slice(at, at + 25)));
  for (const build of builds) {
    const built = await build;
    if (!built) throw new Error('the pool closed');
    index.addSegment(built.segment);
    unreadable.push(...built.unreadable);
  }
  const workers = pool.workers;
  pool.close();
  return { index, unreadable, workers };
}

describe('the index pool', { timeout: 60_000 }, () => {
  it('builds, on worker threads, the very index that indexing one article at a time builds', async () => {
    const { library, items, unreadable } = await fixtureLibrary();
    const serial = await (await oneByOneIndex(library, items)).serialize();
    const parallel = await inSegments(new IndexPool({ size: 3 }), items);
    expect(parallel.workers).toBeGreaterThan(1);
    expect(parallel.unreadable).toEqual([unreadable]);
    expect(Buffer.from(await parallel.index.serialize()).equals(Buffer.from(serial))).toBe(true);
  });

  it('builds the same index on the calling thread where no worker can run', async () => {
    const { library, items } = await fixtureLibrary();
    const serial = await (await oneByOneIndex(library, items)).serialize();
    const here = await inSegments(new IndexPool({ script: null }), items);
    expect(here.workers).toBe(0);
    expect(Buffer.from(await here.index.serialize()).equals(Buffer.from(serial))).toBe(true);
  });

  it('builds on the calling thread when a worker dies before it answers', async () => {
    const { library, items } = await fixtureLibrary();
    const serial = await (await oneByOneIndex(library, items)).serialize();
    const dying = await inSegments(new IndexPool({ size: 2, script: { code: 'process.exit(3)' } }), items);
    expect(dying.workers).toBe(0);
    expect(Buffer.from(await dying.index.serialize()).equals(Buffer.from(serial))).toBe(true);
  });

  it('answers null for what it has not built once closed', async () => {
    const { items } = await fixtureLibrary();
    const pool = new IndexPool({ size: 1 });
    const builds = [pool.build(folder.dir, items.slice(0, 30)), pool.build(folder.dir, items.slice(30))];
    pool.close();
    expect(await Promise.all(builds)).toEqual([null, null]);
    expect(await pool.build(folder.dir, items)).toBeNull();
  });
});
