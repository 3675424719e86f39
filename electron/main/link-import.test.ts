import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../core/dispatch';
import { canImportLinks, importLink, LINK_IMPORT_METHOD } from './link-import';

const URL_ = 'https://example.com/story';

describe('importLink', () => {
  it('says in words that links cannot be imported while the API has no link import', async () => {
    const dispatch = vi.fn<Dispatch>();
    const outcome = await importLink(dispatch, URL_, ['importFiles']);
    expect(outcome).toMatchObject({ status: 'failed', input: URL_, error: { code: 'unsupported-type' } });
    expect(outcome.status === 'failed' && outcome.error.message).toContain(URL_);
    expect(dispatch).not.toHaveBeenCalled();
    expect(canImportLinks(['importFiles'])).toBe(false);
  });

  it('dispatches the link import when the API has it, and returns its outcome', async () => {
    const imported = { status: 'imported', input: URL_, article: { id: 'a' } };
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: imported }));
    expect(await importLink(dispatch, URL_, [LINK_IMPORT_METHOD])).toBe(imported);
    expect(dispatch).toHaveBeenCalledWith(LINK_IMPORT_METHOD, [URL_]);
  });

  it('turns a refused call into a failed outcome', async () => {
    const error = { code: 'invalid-argument', message: 'nope' } as const;
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: false, error }));
    expect(await importLink(dispatch, URL_, [LINK_IMPORT_METHOD])).toEqual({
      status: 'failed',
      input: URL_,
      error,
    });
  });
});
