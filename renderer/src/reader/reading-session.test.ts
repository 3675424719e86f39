import { describe, expect, it } from 'vitest';
import { LecternError } from '@shared/errors';
import type { ArticlePatch } from '@shared/api';
import { summarize, type ArticleMeta, type ArticleWithContent } from '@shared/article';
import { articleMeta } from '@shared/testing/article-meta';
import { LibraryActions } from '../library/bulk-actions';
import { fakeClient, failing } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { ReadingSession } from './reading-session.svelte';

/** A backend holding one article in memory, recording the patches it is sent. */
function backend(article: ArticleWithContent | null) {
  const patches: ArticlePatch[] = [];
  const api = {
    async getArticle(id: string) {
      if (!article || article.meta.id !== id) throw new LecternError('not-found', `No article ${id}.`);
      return structuredClone(article);
    },
    async updateArticle(_id: string, patch: ArticlePatch) {
      if (!article) throw new LecternError('not-found', 'No article.');
      patches.push(patch);
      article = { ...article, meta: { ...article.meta, ...patch } as ArticleMeta };
      return summarize(article.meta);
    },
  };
  return {
    api,
    patches,
    replaceHtml: (html: string) => article && (article = { ...article, html }),
  };
}

function open(article: ArticleWithContent | null, id = 'a1', broken = false) {
  const server = backend(article);
  const notices = new Notices();
  const client = fakeClient(broken ? { ...server.api, updateArticle: failing() } : server.api);
  const disposed: string[] = [];
  const session = new ReadingSession(id, {
    api: server.api,
    annotations: (articleId, loaded) => ({
      highlights: loaded.highlights,
      dispose: () => disposed.push(articleId),
    }),
    states: new LibraryActions(client, notices),
  });
  return { session, server, notices, disposed };
}

describe('ReadingSession', () => {
  it('opens the article with its annotations', async () => {
    const { session } = open({ meta: articleMeta(), html: '<p>Sand.</p>' });
    expect(await session.open()).toBe(true);
    expect(session.article?.html).toBe('<p>Sand.</p>');
    expect(session.annotations?.highlights).toEqual([]);
    expect(session.failure).toBe('');
  });

  it('keeps the reason an article cannot be opened, in words', async () => {
    const { session } = open(null, 'gone');
    expect(await session.open()).toBe(false);
    expect(session.failure).toBe('No article gone.');
    expect(session.article).toBeNull();
  });

  it('archives and moves back, saying so each time', async () => {
    const { session, server, notices } = open({ meta: articleMeta(), html: '' });
    await session.open();
    await session.toggleArchive();
    expect(session.article?.meta.status).toBe('archived');
    await session.toggleArchive();
    expect(session.article?.meta.status).toBe('inbox');
    expect(server.patches).toEqual([{ status: 'archived' }, { status: 'inbox' }]);
    expect(notices.items.map((n) => n.title)).toEqual(['Archived', 'Moved back to the inbox']);
  });

  it('keeps the state it shows and says why when the backend refuses', async () => {
    const { session, notices } = open({ meta: articleMeta(), html: '' }, 'a1', true);
    await session.open();
    await session.toggleArchive();
    await session.toggleFavorite();
    expect(session.article?.meta).toMatchObject({ status: 'inbox', favorite: false });
    expect(notices.items.map((n) => [n.tone, n.lines[0]])).toEqual([
      ['error', 'Lectern’s backend is not answering.'],
      ['error', 'Lectern’s backend is not answering.'],
    ]);
  });

  it('toggles the favorite from what the backend stored', async () => {
    const { session, server } = open({ meta: articleMeta({ favorite: true }), html: '' });
    await session.open();
    await session.toggleFavorite();
    expect(server.patches).toEqual([{ favorite: false }]);
    expect(session.article?.meta.favorite).toBe(false);
  });

  it('shows the content again after the backend changed it', async () => {
    const { session, server } = open({ meta: articleMeta(), html: '<p>Old.</p>' });
    await session.open();
    server.replaceHtml('<p>New.</p>');
    await session.reload();
    expect(session.article?.html).toBe('<p>New.</p>');
  });

  it('lets the annotations go on closing', async () => {
    const { session, disposed } = open({ meta: articleMeta(), html: '' });
    await session.open();
    session.close();
    expect(disposed).toEqual(['a1']);
  });
});
