import { afterEach, describe, expect, it, vi } from 'vitest';
import { Notices } from './notices.svelte';

describe('Notices', () => {
  afterEach(() => vi.useRealTimers());

  it('lets good news fade by itself and keeps errors until dismissed', () => {
    vi.useFakeTimers();
    const notices = new Notices();
    notices.show({ tone: 'success', title: 'Archived 1 article', lines: [] });
    notices.show({ tone: 'error', title: 'That did not work', lines: ['Why.'] });
    vi.runAllTimers();
    expect(notices.items.map((n) => n.title)).toEqual(['That did not work']);
    notices.dismiss(notices.items[0]?.id ?? -1);
    expect(notices.items).toEqual([]);
  });
});
