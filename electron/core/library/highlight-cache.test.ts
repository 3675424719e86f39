import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../shared/anchoring/anchor';
import type { ArticleMeta } from '../../shared/article';
import { useBackend } from '../fixtures/backend-folder';

const TEXT = 'The keeper climbed the stair at dusk.';
const temp = useBackend();

async function annotated(title: string): Promise<string> {
  const outcome = await temp.backend.service.importText({ text: `${title}\n\n${TEXT}` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  const id = outcome.article.id;
  await temp.backend.service.addHighlight(id, {
    color: 'yellow',
    note: '',
    target: describeTarget(TEXT, 4, 10),
  });
  return id;
}

const articleFile = (id: string) => join(temp.dir, 'articles', id, 'article.json');

/** Changes a highlight's note in article.json behind Lectern's back, leaving updatedAt as it was. */
async function editBehindTheBack(id: string, note: string): Promise<void> {
  const meta = JSON.parse(await readFile(articleFile(id), 'utf8')) as ArticleMeta;
  (meta.highlights[0] as { note: string }).note = note;
  await writeFile(articleFile(id), JSON.stringify(meta));
}

const notes = async () => (await temp.backend.service.listHighlights({})).map((e) => e.highlight.note);

describe('highlight cache', () => {
  it('reads an article again only when it changed', async () => {
    const id = await annotated('Logbook');
    expect(await notes()).toEqual(['']);
    // Unchanged in the catalog: answered from the cache, not the file.
    await editBehindTheBack(id, 'unseen');
    expect(await notes()).toEqual(['']);
    // A change through Lectern moves updatedAt on: the article is read again.
    const [highlight] = (await temp.backend.library.get(id)).highlights;
    await temp.backend.service.setHighlightNote(id, highlight?.id as string, {
      text: 'seen',
      base: 'unseen',
    });
    expect(await notes()).toEqual(['seen']);
  });

  it('is kept in .cache across a restart, and drops trashed articles', async () => {
    const kept = await annotated('Kept');
    const trashed = await annotated('Trashed');
    expect(await notes()).toEqual(['', '']);
    await temp.backend.close();
    const file = JSON.parse(await readFile(join(temp.dir, '.cache', 'highlights.json'), 'utf8')) as {
      entries: Record<string, unknown>;
    };
    expect(Object.keys(file.entries).sort()).toEqual([kept, trashed].sort());

    await temp.reopen();
    await temp.backend.background;
    // The restarted backend answers from the file: an edit that kept updatedAt is not seen.
    await editBehindTheBack(kept, 'unseen');
    expect(await notes()).toEqual(['', '']);
    await temp.backend.service.deleteArticle(trashed);
    expect((await temp.backend.service.listHighlights({})).map((e) => e.articleId)).toEqual([kept]);
  });

  it('rebuilds from the articles when the file is damaged', async () => {
    await annotated('Logbook');
    await temp.backend.close();
    await writeFile(join(temp.dir, '.cache', 'highlights.json'), '{"version":1,"entries":');
    await temp.reopen();
    expect((await temp.backend.service.listHighlights({})).map((e) => e.articleTitle)).toEqual(['Logbook']);
  });
});
