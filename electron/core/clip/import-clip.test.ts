import { describe, expect, it } from 'vitest';
import { useBackend } from '../fixtures/backend-folder';
import { lecternLink } from '../export/lectern-link';
import { imagesByAddress } from '../import/images/images-by-address';
import { pngBytes } from '../import/fixtures/images';
import { prepareFile } from '../import/pipeline/import-file';
import type { NewArticle } from '../library/library';
import { PreparePool } from '../import/workers/prepare-pool';
import { pageClip } from './fixtures/clip-requests';
import { ClipImporter } from './import-clip';

const folder = useBackend();
/** A cold worker loads its DOM libraries first: seconds on a busy machine. */
const WORKER_TIMEOUT_MS = 120_000;

/** A real pool of one worker, noting each page it is given and what it made of it. */
function watchedPool() {
  const pool = new PreparePool(1);
  const prepared: { args: Parameters<PreparePool['prepare']>; article: NewArticle }[] = [];
  return {
    pool,
    prepared,
    async prepare(...args: Parameters<PreparePool['prepare']>) {
      const article = await pool.prepare(...args);
      prepared.push({ args, article });
      return article;
    },
  };
}

function importer(pool: Pick<PreparePool, 'prepare'>) {
  const { library, service, clipper, events } = folder.backend;
  return new ClipImporter(library, service, clipper, events, {
    articleAddress: lecternLink,
    fetchWebImages: () => false,
    pool,
  });
}

describe('ClipImporter', () => {
  it(
    'extracts a page clip on the import workers, as a dropped page, into the article prepared in-process',
    async () => {
      const watched = watchedPool();
      const clip = pageClip({
        html: pageClip().html?.replace('https://images.example/photo.png', '/img/photo.png'),
        images: [{ url: 'https://news.example/img/photo.png', part: 'image-0' }],
      });
      const photo = pngBytes(40);
      const answer = await importer(watched).save(clip, new Map([['image-0', photo]]));

      expect(watched.prepared).toHaveLength(1);
      expect(watched.pool.workers).toBe(1);
      const { args, article } = watched.prepared[0] as (typeof watched.prepared)[number];
      const [file, , , , page] = args;
      const direct = await prepareFile(file, {
        localImage: imagesByAddress({
          url: clip.url,
          images: new Map([['https://news.example/img/photo.png', photo]]),
        }),
        fetchedFrom: clip.url,
      });
      expect(page?.url).toBe(clip.url);
      expect(article.fields).toEqual(direct.fields);
      expect(article.html).toBe(direct.html);
      expect(article.assets).toEqual(direct.assets);
      expect(article.assets).toHaveLength(1);

      const stored = await folder.backend.service.getArticle(answer.id);
      expect(stored.meta.url).toBe(clip.url);
      expect(stored.html).toContain('assets/');
    },
    WORKER_TIMEOUT_MS,
  );

  it('keeps a selection clip on this thread: it is small', async () => {
    const watched = watchedPool();
    const answer = await importer(watched).save(
      pageClip({ kind: 'selection', html: '<p>Only this passage, with <em>emphasis</em>.</p>', images: [] }),
      new Map(),
    );
    expect(answer.status).toBe('saved');
    expect(watched.prepared).toEqual([]);
  });
});
