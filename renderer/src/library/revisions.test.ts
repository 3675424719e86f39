import type { ReextractOutcome } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { reextractNotice, RevisionsState } from './revisions.svelte';

function done(title: string, counts: Partial<{ placed: number; moved: number; orphaned: number }> = {}) {
  return {
    status: 'reextracted',
    article: { id: title, title } as ArticleSummary,
    version: null,
    placed: 0,
    moved: 0,
    orphaned: 0,
    ...counts,
  } satisfies ReextractOutcome;
}

describe('reextractNotice', () => {
  it('names a single article and fades when all went well', () => {
    expect(reextractNotice([done('Tides', { placed: 2 })], 1, 'Re-extracted')).toEqual({
      tone: 'success',
      title: 'Re-extracted the article',
      lines: ['“Tides”'],
    });
  });

  it('stays, and says where highlights that could not be placed went', () => {
    const notice = reextractNotice([done('Tides', { orphaned: 1 })], 1, 'Re-extracted');
    expect(notice.tone).toBe('info');
    expect(notice.lines[1]).toMatch(/^1 highlight could not be placed .* marked as not found/);
  });

  it('tells what was skipped, what failed and what a cancel left alone', () => {
    const notice = reextractNotice(
      [
        done('One'),
        { status: 'skipped', id: 'b', title: 'A link', reason: 'Its page was never fetched.' },
        { status: 'failed', id: 'c', title: 'Broken', message: 'Its original is missing.' },
      ],
      5,
      'Re-extracted',
    );
    expect(notice).toEqual({
      tone: 'error',
      title: 'Re-extracted 1 article',
      lines: [
        '“A link” was left as it is: Its page was never fetched.',
        '“Broken”: Its original is missing.',
        'Cancelled: 2 articles left as they were.',
      ],
    });
  });
});

describe('RevisionsState', () => {
  it('follows its job’s progress, cancels it, and is free again when it ends', async () => {
    let finish: (outcomes: ReextractOutcome[]) => void = () => undefined;
    const cancelReextract = vi.fn(() => Promise.resolve());
    const api = fakeClient({
      reextractArticles: () => new Promise((resolve) => (finish = resolve)),
      cancelReextract,
    });
    const notices = new Notices();
    const revisions = new RevisionsState(api, notices);
    const running = revisions.reextract(['a', 'b'], '2 articles');
    const jobId = revisions.job!.jobId;
    api.emit({ type: 'reextract-progress', jobId: 'another', done: 5, total: 9, finished: false });
    api.emit({ type: 'reextract-progress', jobId, done: 1, total: 2, finished: false });
    expect(revisions.job).toMatchObject({ label: '2 articles', done: 1, total: 2 });

    expect(await revisions.reextract(['c'], '1 article')).toEqual([]);
    expect(notices.items.at(-1)?.title).toBe('A re-extraction is already running');

    await revisions.cancel();
    expect(cancelReextract).toHaveBeenCalledWith(jobId);
    expect(revisions.job?.cancelling).toBe(true);
    finish([done('a')]);
    await running;
    expect(revisions.job).toBeNull();
    expect(notices.items.at(-1)?.lines).toContain('Cancelled: 1 article left as it was.');
  });
});

describe('RevisionsState.reset', () => {
  it('leaves out the fields when it resets them all, as a transport carries undefined as null', async () => {
    const resetArticleEdits = vi.fn((..._args: unknown[]) => Promise.resolve({ id: 'a' } as ArticleSummary));
    const revisions = new RevisionsState(fakeClient({ resetArticleEdits }), new Notices());
    await revisions.reset('a');
    await revisions.reset('a', ['title']);
    expect(resetArticleEdits.mock.calls).toEqual([['a'], ['a', ['title']]]);
  });
});
