import type { ArticleSummary } from '@shared/article';
import { describe, expect, it, vi } from 'vitest';
import { failing, fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { Importer } from './importer.svelte';

function setup(methods: Parameters<typeof fakeClient>[0]) {
  const notices = new Notices();
  const router = { openArticle: vi.fn() };
  return { notices, router, importer: new Importer(fakeClient(methods), notices, router) };
}

describe('Importer', () => {
  it('tells which links saved offline were fetched, and nothing about those still waiting', async () => {
    const { notices, importer } = setup({
      retryPendingLinks: () =>
        Promise.resolve([
          { status: 'imported', input: 'https://example.org/a', article: { title: 'A' } as ArticleSummary },
          { status: 'pending', input: 'https://example.org/b', article: { title: 'B' } as ArticleSummary },
        ]),
    });
    await importer.retryPendingLinks();
    expect(notices.items).toMatchObject([
      { tone: 'success', title: 'A saved link was fetched', lines: ['A'] },
    ]);
  });

  it('keeps the notice of a file read with replacement characters until it is dismissed', async () => {
    const warning = 'tides.html is not valid gb2312 text, as it claims to be.';
    const { notices, importer } = setup({});
    importer.report([
      {
        status: 'imported',
        input: 'tides.html',
        article: { title: 'Tides' } as ArticleSummary,
        notices: [warning],
      },
    ]);
    expect(notices.items).toMatchObject([
      { tone: 'info', title: 'Added to your library', lines: ['Tides', warning] },
    ]);
  });

  it('tells the person when the links saved offline could not be fetched', async () => {
    const { notices, importer } = setup({ retryPendingLinks: failing('The backend stopped.') });
    await importer.retryPendingLinks();
    expect(notices.items).toMatchObject([
      {
        tone: 'error',
        title: 'The links saved offline could not be fetched',
        lines: ['The backend stopped.'],
      },
    ]);
  });

  it('reports a clip the backend could not be asked to keep', async () => {
    const { notices, importer } = setup({ importText: failing('The backend stopped.') });
    await importer.importClip({ text: 'words', title: 'A clip' } as Parameters<Importer['importClip']>[0]);
    expect(notices.items).toMatchObject([
      { tone: 'error', title: 'Could not be added', lines: ['The backend stopped.'] },
    ]);
  });

  it('tells the person when a cancel does not reach the backend', async () => {
    let finish: () => void = () => undefined;
    const { notices, importer } = setup({
      importUrls: () => new Promise((resolve) => (finish = () => resolve([]))),
      cancelImport: failing('The backend stopped.'),
    });
    const running = importer.importUrls(['https://example.org/a', 'https://example.org/b']);
    importer.cancel();
    await vi.waitFor(() =>
      expect(notices.items).toMatchObject([{ tone: 'error', title: 'The import could not be cancelled' }]),
    );
    finish();
    await running;
  });

  it('shows which item its job is reading before the first is done, and only for its own job', async () => {
    let finish: () => void = () => undefined;
    let jobId = '';
    const client = fakeClient({
      importUrls: (_urls, job) => {
        jobId = job?.jobId ?? '';
        return new Promise((resolve) => (finish = () => resolve([])));
      },
    });
    const importer = new Importer(client, new Notices(), { openArticle: vi.fn() });
    const running = importer.importUrls(['https://example.org/a', 'https://example.org/b']);
    expect(importer.progress).toMatchObject({ done: 0, reading: null });
    client.emit({ type: 'import-reading', jobId: 'another-job', input: 'https://example.org/z' });
    expect(importer.progress?.reading).toBeNull();
    client.emit({ type: 'import-reading', jobId, input: 'https://example.org/a' });
    expect(importer.progress).toMatchObject({ done: 0, reading: 'https://example.org/a' });
    finish();
    await running;
  });

  it('says when a drop carried nothing it reads, and lets such a paste pass', async () => {
    const { notices, importer } = setup({});
    await importer.add({ kind: 'nothing' }, 'ignore');
    expect(notices.items).toEqual([]);
    await importer.add({ kind: 'files', files: Promise.resolve([]) }, 'tell');
    expect(notices.items).toMatchObject([{ tone: 'error', title: 'Nothing to add' }]);
  });

  it('tells the person when a dropped folder cannot be read', async () => {
    const { notices, importer } = setup({});
    await importer.add({ kind: 'files', files: Promise.reject(new Error('The folder was moved.')) }, 'tell');
    expect(notices.items).toMatchObject([
      { tone: 'error', title: 'The dropped folder could not be read', lines: ['The folder was moved.'] },
    ]);
  });
});
