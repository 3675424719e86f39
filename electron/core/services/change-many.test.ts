import { expect, it } from 'vitest';
import { BULK_PROGRESS_FROM, type BulkProgressEvent } from '../../shared/api/bulk';
import { useBackend } from '../fixtures/backend-folder';

const temp = useBackend();

async function articles(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await temp.backend.service.importText({ text: `Clip ${i}\n\nWords number ${i}.` });
    if (outcome.status !== 'imported') throw new Error(`import ended ${outcome.status}`);
    ids.push(outcome.article.id);
  }
  return ids;
}

it('reports the progress of a large change, ending at its total', { timeout: 60_000 }, async () => {
  const ids = await articles(BULK_PROGRESS_FROM);
  const progress: BulkProgressEvent[] = [];
  temp.backend.events.subscribe((event) => {
    if (event.type === 'bulk-progress') progress.push(event);
  });
  const result = await temp.backend.service.updateArticles(ids, { status: 'archived' });
  expect(result.changed).toHaveLength(ids.length);
  expect(progress.at(-1)).toEqual({ type: 'bulk-progress', done: ids.length, total: ids.length });
  const done = progress.map((event) => event.done);
  expect(done).toEqual([...done].sort((a, b) => a - b));

  progress.length = 0;
  await temp.backend.service.updateArticles(ids.slice(0, 3), { favorite: true });
  expect(progress).toEqual([]);
});
