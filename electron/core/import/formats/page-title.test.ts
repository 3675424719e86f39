import { describe, expect, it } from 'vitest';
import { articleTitle } from './page-title';

const none = { siteName: null, byline: null, url: null, headline: null };

describe('articleTitle', () => {
  it('removes an author suffix the byline names', () => {
    expect(
      articleTitle(
        "'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy",
        {
          ...none,
          byline: 'Eleanor Ainge Roy',
          siteName: 'the Guardian',
        },
      ),
    ).toBe("'What is the sea telling us?': Māori tribes fearful over whale strandings");
  });

  it('removes a site suffix og:site_name names', () => {
    expect(
      articleTitle('Water rights fight heads to court - Los Angeles Times', {
        ...none,
        siteName: 'Los Angeles Times',
      }),
    ).toBe('Water rights fight heads to court');
  });

  it("removes the site's name found in its address", () => {
    expect(
      articleTitle('Mozilla - Wikipedia', { ...none, url: 'https://en.wikipedia.org/wiki/Mozilla' }),
    ).toBe('Mozilla');
  });

  it('removes an author and a site, and a site name with its domain ending', () => {
    expect(
      articleTitle('Samantha and The Great Big Lie - John C. Welch - Medium', {
        ...none,
        siteName: 'Medium',
        byline: 'John C. Welch',
      }),
    ).toBe('Samantha and The Great Big Lie');
    expect(
      articleTitle('Friday Facts #282 - 0.17 in sight | Factorio', { ...none, siteName: 'Factorio.com' }),
    ).toBe('Friday Facts #282 - 0.17 in sight');
  });

  it('takes the JSON-LD headline when the title is the headline with a suffix', () => {
    expect(
      articleTitle('Ledger Lines: a history :: The Daily Port', {
        ...none,
        headline: 'Ledger Lines: a history',
      }),
    ).toBe('Ledger Lines: a history');
  });

  it('keeps a dash that is part of the title, and a title that is only the site name', () => {
    expect(
      articleTitle('Xbox One X review - a console that keeps up', { ...none, siteName: 'Engadget' }),
    ).toBe('Xbox One X review - a console that keeps up');
    expect(articleTitle('Yahoo News - Latest News', { ...none, siteName: 'Yahoo News - Latest News' })).toBe(
      'Yahoo News - Latest News',
    );
  });
});
