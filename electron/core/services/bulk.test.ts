import { describe, expect, it } from 'vitest';
import { useBackend } from '../fixtures/backend-folder';

const temp = useBackend();

async function article(title: string): Promise<string> {
  const outcome = await temp.backend.service.importText({ text: `${title}\n\nBody.` });
  if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
  return outcome.article.id;
}

const progressOf = (id: string) => temp.backend.library.summary(id).progress;

describe('marking read and unread', () => {
  it('keeps the place of an article marked read by hand, across a restart', async () => {
    const halfway = await article('Halfway');
    const finished = await article('Finished');
    await temp.backend.service.updateArticle(halfway, { progress: 0.4 });
    await temp.backend.service.updateArticle(finished, { progress: 0.99 });
    await temp.backend.service.updateArticles([halfway, finished], { read: true });
    expect([progressOf(halfway), progressOf(finished)]).toEqual([1, 0.99]);

    await temp.backend.close();
    await temp.reopen();
    await temp.backend.service.updateArticles([halfway, finished], { read: false });
    expect([progressOf(halfway), progressOf(finished)]).toEqual([0.4, 0]);
  });

  it('forgets the kept place once the person reads on', async () => {
    const id = await article('Read on');
    await temp.backend.service.updateArticle(id, { progress: 0.4 });
    await temp.backend.service.updateArticles([id], { read: true });
    await temp.backend.service.updateArticle(id, { progress: 0.97 });
    await temp.backend.service.updateArticles([id], { read: false });
    expect(progressOf(id)).toBe(0);
  });
});
