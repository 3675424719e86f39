import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '@shared/article';
import { damageNotice } from './damage-notice';

const summary = (id: string, title: string, damaged: boolean) =>
  ({
    id,
    title,
    ...(damaged
      ? { damage: { at: '2024-01-01T00:00:00.000Z', recoveredFrom: 'backup', setAside: [], lost: [] } }
      : {}),
  }) as unknown as ArticleSummary;

describe('damageNotice', () => {
  it('says nothing when no article is damaged', () => {
    const api = { acceptRecovered: () => Promise.reject(new Error('not called')) };
    expect(damageNotice([summary('a', 'A', false)], api, () => undefined)).toBeNull();
  });

  it('counts and names the damaged articles; Show opens the first and accepts them all', () => {
    const accepted: string[] = [];
    const opened: string[] = [];
    const api = {
      acceptRecovered: (id: string) => {
        accepted.push(id);
        return Promise.resolve(summary(id, id, false));
      },
    };
    const notice = damageNotice(
      [summary('a', 'A', true), summary('b', 'B', false), summary('c', 'C', true)],
      api,
      (id) => opened.push(id),
    );

    expect(notice?.title).toBe('2 articles in your library were damaged; Lectern kept what it could');
    expect(notice?.lines.slice(0, 2)).toEqual(['A', 'C']);
    notice?.action?.run();
    expect(opened).toEqual(['a']);
    expect(accepted).toEqual(['a', 'c']);
  });
});
