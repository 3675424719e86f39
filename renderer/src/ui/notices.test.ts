import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorNotice, Notices } from './notices.svelte';

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

describe('Notices on top of each other', () => {
  it('shows the newest three and counts the older ones until asked for them', () => {
    const notices = new Notices();
    for (const title of ['one', 'two', 'three', 'four', 'five'])
      notices.show({ tone: 'error', title, lines: [] });
    expect(notices.visible.map((n) => n.title)).toEqual(['three', 'four', 'five']);
    expect(notices.hiddenCount).toBe(2);
    notices.expanded = true;
    expect(notices.visible).toHaveLength(5);
    expect(notices.hiddenCount).toBe(0);
    for (const notice of notices.items.slice(0, 2)) notices.dismiss(notice.id);
    expect(notices.expanded).toBe(false);
  });
});

describe('errorNotice', () => {
  it('says what did not happen, then the error in its own words', () => {
    expect(errorNotice('The highlight was not saved', new Error('The disk is full.'))).toEqual({
      tone: 'error',
      title: 'The highlight was not saved',
      lines: ['The disk is full.'],
    });
  });
});
