import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArticleSummary } from '../shared/article';
import type { CallResult, ImportOutcome, LecternApi } from '../shared/api';
import { createDispatch } from './dispatch';
import { useBackend } from './fixtures/backend-folder';

const temp = useBackend();

afterEach(() => {
  vi.restoreAllMocks();
});

function expectError(result: CallResult, code: string): string {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code).toBe(code);
  return result.error.message;
}

async function importClip(text: string): Promise<ArticleSummary> {
  const result = await temp.backend.dispatch('importText', [{ text }]);
  if (!result.ok) throw new Error(result.error.message);
  const outcome = result.value as ImportOutcome;
  if (outcome.status === 'failed') throw new Error(outcome.error.message);
  return outcome.article;
}

describe('createDispatch', () => {
  it('runs a valid call and returns its value', async () => {
    expect(await temp.backend.dispatch('listArticles', [])).toEqual({ ok: true, value: [] });

    const article = await importClip('A clip title\n\nThe body of the clip.');
    expect(article.title).toBe('A clip title');

    const listed = await temp.backend.dispatch('listArticles', []);
    expect(listed.ok && (listed.value as ArticleSummary[]).map((a) => a.id)).toEqual([article.id]);

    const updated = await temp.backend.dispatch('updateArticle', [
      article.id,
      { progress: 0.5, favorite: true },
    ]);
    expect(updated.ok).toBe(true);
    expect(await temp.backend.library.get(article.id)).toMatchObject({ progress: 0.5, favorite: true });
  });

  it.each(['deleteEverything', '', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses the unknown method %j as invalid-argument',
    async (method) => {
      const message = expectError(await temp.backend.dispatch(method, []), 'invalid-argument');
      expect(message).toBe(`Lectern has no operation called “${method}”.`);
    },
  );

  const ID = '0000000001-abcdefgh';

  it.each<[string, string, unknown, string]>([
    ['arguments that are not a list', 'listArticles', { 0: 'x' }, 'listArticles'],
    ['arguments that are null', 'getArticle', null, 'getArticle'],
    ['a missing argument', 'getArticle', [], 'getArticle: 0: Invalid type: Expected string'],
    ['a number for an id', 'getArticle', [42], 'getArticle'],
    ['an id that is a path', 'getArticle', ['../x'], 'getArticle: 0: is not an article id'],
    [
      'an id with a slash',
      'deleteArticle',
      ['0000000001/abcdefgh'],
      'deleteArticle: 0: is not an article id',
    ],
    ['an upper-case id', 'deleteArticle', ['0000000001-ABCDEFGH'], 'deleteArticle: 0: is not an article id'],
    [
      'a patch with an extra key',
      'updateArticle',
      [ID, { progress: 0.5, note: 'x' }],
      'updateArticle: 1.note',
    ],
    ['a patch with __proto__', 'updateArticle', [ID, JSON.parse('{"__proto__": {}}')], '1.__proto__'],
    ['progress above 1', 'updateArticle', [ID, { progress: 2 }], 'updateArticle: 1.progress'],
    ['negative progress', 'updateArticle', [ID, { progress: -0.1 }], 'updateArticle: 1.progress'],
    ['progress as a string', 'updateArticle', [ID, { progress: '0.5' }], 'updateArticle: 1.progress'],
    ['an unknown status', 'updateArticle', [ID, { status: 'deleted' }], 'updateArticle: 1.status'],
    ['an empty title', 'updateArticle', [ID, { title: '   ' }], 'updateArticle: 1.title'],
    ['a file without bytes', 'importFiles', [[{ name: 'a.html', type: '' }]], 'importFiles: 0.0.bytes'],
    [
      'file bytes as a plain array',
      'importFiles',
      [[{ name: 'a.html', type: '', bytes: [60, 112] }]],
      'importFiles: 0.0.bytes',
    ],
    [
      'a file with an empty name',
      'importFiles',
      [[{ name: '', type: '', bytes: new Uint8Array(1) }]],
      '0.0.name',
    ],
    ['text that is not a string', 'importText', [{ text: 7 }], 'importText: 0.text'],
    ['a clip url that is not a URL', 'importText', [{ text: 'x', url: 'not a url' }], 'importText: 0.url'],
  ])('refuses %s as invalid-argument with a sentence', async (_label, method, args, mentions) => {
    const message = expectError(await temp.backend.dispatch(method, args), 'invalid-argument');
    expect(message).toMatch(/^Lectern received a malformed request \(.+\)\.$/);
    expect(message).toContain(mentions);
    expect(message).not.toMatch(/\[object Object\]|\n\s+at /);
  });

  it('leaves the library unchanged after a refused call', async () => {
    const article = await importClip('Title\n\nBody text.');

    expectError(
      await temp.backend.dispatch('updateArticle', [article.id, { progress: 2 }]),
      'invalid-argument',
    );
    expectError(
      await temp.backend.dispatch('updateArticle', [article.id, { favorite: true, extra: 1 }]),
      'invalid-argument',
    );

    expect(await temp.backend.library.get(article.id)).toMatchObject({ progress: 0, favorite: false });
  });

  it('passes a LecternError from the service through with its code', async () => {
    const message = expectError(
      await temp.backend.dispatch('getArticle', ['0000000001-abcdefgh']),
      'not-found',
    );
    expect(message).toBe('That article is no longer in the library.');
  });

  it.each([
    ['an Error', () => new Error('ENOENT: open /home/someone/secret/path at Object.<anonymous>')],
    ['a TypeError', () => new TypeError("Cannot read properties of undefined (reading 'title')")],
    ['a thrown string', () => 'raw string failure'],
  ])('turns %s from the service into internal, without its text or stack', async (_label, make) => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const thrown = make();
    const failing: LecternApi = { ...temp.backend.service, getArticle: () => Promise.reject(thrown) };
    const dispatch = createDispatch(failing);

    const message = expectError(await dispatch('getArticle', ['0000000001-abcdefgh']), 'internal');

    expect(message).toBe(
      'Something went wrong inside Lectern. Your library was not changed; please try again.',
    );
    const text = thrown instanceof Error ? thrown.message : thrown;
    expect(message).not.toContain(text);
    if (thrown instanceof Error && thrown.stack) {
      expect(message).not.toContain(thrown.stack.split('\n')[1]?.trim());
    }
    // The details go to the log instead.
    expect(logged).toHaveBeenCalledWith('Lectern: unexpected error', thrown);
  });

  it('never rejects, even when the method throws synchronously', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dispatch = createDispatch({
      listArticles: () => {
        throw new RangeError('sync failure');
      },
    } as unknown as LecternApi);

    await expect(dispatch('listArticles', [])).resolves.toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
