import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend, type Backend } from '../open-backend';

let dir: string;
let backend: Backend;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-bulk-'));
  backend = await openBackend(dir);
});

afterEach(async () => {
  await backend.close();
  await rm(dir, { recursive: true, force: true });
});

async function article(title: string): Promise<string> {
  const outcome = await backend.service.importText({ text: `${title}\n\nBody.` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  return outcome.article.id;
}

const progressOf = (id: string) => backend.library.summary(id).progress;

describe('marking read and unread', () => {
  it('keeps the place of an article marked read by hand, across a restart', async () => {
    const halfway = await article('Halfway');
    const finished = await article('Finished');
    await backend.service.updateArticle(halfway, { progress: 0.4 });
    await backend.service.updateArticle(finished, { progress: 0.99 });
    await backend.service.updateArticles([halfway, finished], { read: true });
    expect([progressOf(halfway), progressOf(finished)]).toEqual([1, 0.99]);

    await backend.close();
    backend = await openBackend(dir);
    await backend.service.updateArticles([halfway, finished], { read: false });
    expect([progressOf(halfway), progressOf(finished)]).toEqual([0.4, 0]);
  });

  it('forgets the kept place once the person reads on', async () => {
    const id = await article('Read on');
    await backend.service.updateArticle(id, { progress: 0.4 });
    await backend.service.updateArticles([id], { read: true });
    await backend.service.updateArticle(id, { progress: 0.97 });
    await backend.service.updateArticles([id], { read: false });
    expect(progressOf(id)).toBe(0);
  });
});
