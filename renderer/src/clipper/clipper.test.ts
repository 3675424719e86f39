import { describe, expect, it, vi } from 'vitest';
import type { ClipperInfo, ImportOutcome } from '@shared/api';
import { LecternError } from '@shared/errors';
import { fakeClient } from '../testing/fake-client';
import { Notices } from '../ui/notices.svelte';
import { ClipperState } from './clipper.svelte';

const pending = {
  pairingId: 'p1',
  browser: 'Chrome',
  extensionId: 'abcdef',
  code: 'K7Q2MX',
  expiresAt: '2026-12-03T10:02:00.000Z',
};
const info = (over: Partial<ClipperInfo> = {}): ClipperInfo => ({
  endpoint: { state: 'listening', port: 47615 },
  paired: [],
  pending: [],
  ...over,
});

describe('ClipperState', () => {
  it('shows the oldest pairing request once the backend says one came, and drops it once answered', async () => {
    let current = info({ pending: [pending] });
    const allowed: string[] = [];
    const api = fakeClient({
      listClippers: async () => current,
      allowClipper: async (id) => {
        allowed.push(id);
        current = info();
      },
    });
    const state = new ClipperState(api, new Notices(), () => undefined);
    expect(state.pairing).toBeNull();
    api.emit({ type: 'clipper-changed' });
    await vi.waitFor(() => expect(state.pairing?.code).toBe('K7Q2MX'));
    await state.allow('p1');
    expect(allowed).toEqual(['p1']);
    expect(state.pairing).toBeNull();
  });

  it('reports each clip as a drop is reported', () => {
    const reported: ImportOutcome[] = [];
    const api = fakeClient();
    new ClipperState(api, new Notices(), (outcome) => reported.push(outcome));
    const outcome = { status: 'imported', input: 'https://a.example/', article: {} } as ImportOutcome;
    api.emit({ type: 'clip-saved', outcome });
    expect(reported).toEqual([outcome]);
  });

  it('says so when a revoke fails', async () => {
    const notices = new Notices();
    const api = fakeClient({
      listClippers: async () => info(),
      revokeClipper: async () => {
        throw new LecternError('not-found', 'That browser is not paired with this library.');
      },
    });
    await new ClipperState(api, notices, () => undefined).revoke('gone');
    expect(notices.items.map((notice) => notice.title)).toContain('The browser could not be revoked');
  });
});
