import { describe, expect, it } from 'vitest';
import type { RestorePreviewInfo, RestoreRequest } from '@shared/api';
import { LecternError } from '@shared/errors';
import { fakeClient } from '../testing/fake-client';
import { RestoreState } from './restore.svelte';

const preview: RestorePreviewInfo = {
  created: '2026-12-01T02:00:00.000Z',
  appVersion: '0.3.0',
  articles: 12,
  trashed: 1,
  alreadyPresent: 2,
  conflicts: ['“Tides”: its note differed; both versions were kept, the backup’s below.'],
  suggestedDir: '/home/ada/Lectern Library (restored 2026-12-03)',
};

const picked = (text: string) => ({
  name: 'lectern-backup.zip',
  type: 'application/zip',
  arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer,
});

describe('RestoreState', () => {
  it('uploads a picked file, previews it against the open library and suggests a new folder', async () => {
    const uploaded: number[] = [];
    const state = new RestoreState(
      fakeClient({
        uploadBackup: async (file) => {
          uploaded.push(file.bytes.length);
          return '/tmp/lectern-restore-x/lectern-backup.zip';
        },
        previewRestore: async () => preview,
      }),
      () => {},
    );
    await state.chooseFile(picked('zip bytes'));
    expect(uploaded).toEqual([9]);
    expect(state.phase).toBe('ready');
    expect(state.preview?.articles).toBe(12);
    expect(state.dir).toBe(preview.suggestedDir);
  });

  it('restores into the new folder, reports, and switches to it only when asked, then reloads', async () => {
    const requests: RestoreRequest[] = [];
    const opened: string[] = [];
    let reloads = 0;
    const state = new RestoreState(
      fakeClient({
        previewRestore: async () => preview,
        restoreBackup: async (request) => {
          requests.push(request);
          return { dir: '/home/ada/Restored', added: 13, merged: 0, conflicts: [] };
        },
        openLibrary: async (dir) => void opened.push(dir),
      }),
      () => reloads++,
    );
    await state.choosePath('/home/ada/backup.zip');
    expect(state.name).toBe('backup.zip');
    state.dir = '/home/ada/Restored';
    await state.start();
    expect(requests).toEqual([
      { backup: '/home/ada/backup.zip', target: { into: 'new', dir: '/home/ada/Restored' } },
    ]);
    expect(state.phase).toBe('done');
    expect(opened).toEqual([]);
    await state.switchToRestored();
    expect(opened).toEqual(['/home/ada/Restored']);
    expect(reloads).toBe(1);
  });

  it('merges into the open library when chosen', async () => {
    const requests: RestoreRequest[] = [];
    const state = new RestoreState(
      fakeClient({
        previewRestore: async () => preview,
        restoreBackup: async (request) => {
          requests.push(request);
          return { dir: '/lib', added: 10, merged: 2, conflicts: preview.conflicts };
        },
      }),
      () => {},
    );
    await state.choosePath('/b.zip');
    state.into = 'merge';
    await state.start();
    expect(requests[0]?.target).toEqual({ into: 'merge' });
    expect(state.outcome?.conflicts).toEqual(preview.conflicts);
  });

  it('stops at the preview with the backend’s sentence for a backup from a newer Lectern', async () => {
    const state = new RestoreState(
      fakeClient({
        previewRestore: async () => {
          throw new LecternError(
            'unsupported-type',
            'b.zip was made by a newer Lectern (9.0.0, backup format 7); update Lectern to restore it. Nothing was changed.',
          );
        },
      }),
      () => {},
    );
    await state.choosePath('/b.zip');
    expect(state.phase).toBe('failed');
    expect(state.error).toMatch(/newer Lectern.*update Lectern/);
    await state.start();
    expect(state.phase).toBe('failed');
  });
});
