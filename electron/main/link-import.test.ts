import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../core/dispatch';
import { openBackend } from '../core/open-backend';
import { importLink } from './link-import';

const URL_ = 'https://example.com/story';

describe('importLink', () => {
  it('sends the address to importUrls and returns its one outcome', async () => {
    const imported = { status: 'imported', input: URL_, article: { id: 'a' } };
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: [imported] }));
    expect(await importLink(dispatch, URL_)).toBe(imported);
    expect(dispatch).toHaveBeenCalledWith('importUrls', [[URL_]]);
  });

  it('turns a refused call into a failed outcome', async () => {
    const error = { code: 'invalid-argument', message: 'nope' } as const;
    const dispatch = vi.fn<Dispatch>(async () => ({ ok: false, error }));
    expect(await importLink(dispatch, URL_)).toEqual({ status: 'failed', input: URL_, error });
  });

  it('is accepted by the real dispatch: an unreachable link is kept as pending', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lectern-link-'));
    const backend = await openBackend(dir);
    try {
      const outcome = await importLink(backend.dispatch, 'http://127.0.0.1:9/story');
      expect(outcome.status).toBe('pending');
    } finally {
      await backend.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
