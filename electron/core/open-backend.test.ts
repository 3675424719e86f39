import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from './open-backend';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-backend-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openBackend', () => {
  it('holds the library until closed, then lets the next backend open it', async () => {
    const first = await openBackend(dir);
    await expect(openBackend(dir)).rejects.toMatchObject({ code: 'library-in-use' });
    await first.close();
    const second = await openBackend(dir);
    expect(await second.dispatch('listArticles', [])).toEqual({ ok: true, value: [] });
    await second.close();
  });
});
