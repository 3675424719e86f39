import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeTarget } from '../../shared/anchoring/anchor';
import type { ArticleMeta } from '../../shared/article';
import { openBackend, type Backend } from '../open-backend';

const TEXT = 'The keeper climbed the stair at dusk.';
let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-highlight-cache-'));
  backend = await openBackend(dir);
});

afterEach(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

async function annotated(title: string): Promise<string> {
  const outcome = await backend.service.importText({ text: `${title}\n\n${TEXT}` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  const id = outcome.article.id;
  await backend.service.addHighlight(id, { color: 'yellow', note: '', target: describeTarget(TEXT, 4, 10) });
  return id;
}

const articleFile = (id: string) => join(dir, 'articles', id, 'article.json');

/** Changes a highlight's note in article.json behind Lectern's back, leaving updatedAt as it was. */
async function editBehindTheBack(id: string, note: string): Promise<void> {
  const meta = JSON.parse(await readFile(articleFile(id), 'utf8')) as ArticleMeta;
  (meta.highlights[0] as { note: string }).note = note;
  await writeFile(articleFile(id), JSON.stringify(meta));
}

const notes = async () => (await backend.service.listHighlights({})).map((e) => e.highlight.note);

describe('highlight cache', () => {
  it('reads an article again only when it changed', async () => {
    const id = await annotated('Logbook');
    expect(await notes()).toEqual(['']);
    // Unchanged in the catalog: answered from the cache, not the file.
    await editBehindTheBack(id, 'unseen');
    expect(await notes()).toEqual(['']);
    // A change through Lectern moves updatedAt on: the article is read again.
    const [highlight] = (await backend.library.get(id)).highlights;
    await backend.service.updateHighlight(id, highlight?.id as string, { note: 'seen' });
    expect(await notes()).toEqual(['seen']);
  });

  it('is kept in .cache across a restart, and drops trashed articles', async () => {
    const kept = await annotated('Kept');
    const trashed = await annotated('Trashed');
    expect(await notes()).toEqual(['', '']);
    await backend.close();
    const file = JSON.parse(await readFile(join(dir, '.cache', 'highlights.json'), 'utf8')) as {
      entries: Record<string, unknown>;
    };
    expect(Object.keys(file.entries).sort()).toEqual([kept, trashed].sort());

    backend = await openBackend(dir);
    await backend.background;
    // The restarted backend answers from the file: an edit that kept updatedAt is not seen.
    await editBehindTheBack(kept, 'unseen');
    expect(await notes()).toEqual(['', '']);
    await backend.service.deleteArticle(trashed);
    expect((await backend.service.listHighlights({})).map((e) => e.articleId)).toEqual([kept]);
  });

  it('rebuilds from the articles when the file is damaged', async () => {
    await annotated('Logbook');
    await backend.close();
    await writeFile(join(dir, '.cache', 'highlights.json'), '{"version":1,"entries":');
    backend = await openBackend(dir);
    expect((await backend.service.listHighlights({})).map((e) => e.articleTitle)).toEqual(['Logbook']);
  });
});
