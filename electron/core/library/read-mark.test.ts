import { describe, expect, it } from 'vitest';
import type { ArticleMeta } from '../../shared/article';
import { markRead, setProgress } from './read-mark';

type ReadState = Pick<ArticleMeta, 'progress' | 'readPlace'>;

describe('markRead', () => {
  it.each<[string, ReadState, boolean, ReadState]>([
    [
      'read by hand halfway: to the end, the place kept',
      { progress: 0.4 },
      true,
      { progress: 1, readPlace: 0.4 },
    ],
    ['read by hand untouched: nothing to keep', { progress: 0 }, true, { progress: 1 }],
    ['already read: unchanged', { progress: 0.97 }, true, { progress: 0.97 }],
    [
      'unread after reading by hand: back to the place',
      { progress: 1, readPlace: 0.4 },
      false,
      { progress: 0.4 },
    ],
    ['unread after reading to the end: from the top', { progress: 0.98 }, false, { progress: 0 }],
    ['unread when not read: the place stays', { progress: 0.3 }, false, { progress: 0.3 }],
  ])('%s', (_, before, read, after) => {
    const meta = { ...before };
    markRead(meta, read);
    expect(meta).toEqual(after);
  });

  it('forgets the kept place when progress is set otherwise', () => {
    const meta: ReadState = { progress: 1, readPlace: 0.4 };
    setProgress(meta, 0.6);
    expect(meta).toEqual({ progress: 0.6 });
  });
});
