import { describe, expect, it } from 'vitest';
import { articleTitle, type TitleContext } from './page-title';

const none = { siteName: null, byline: null, url: null, headline: null };

describe('articleTitle', () => {
  it.each<[string, string, Partial<TitleContext>, string]>([
    [
      'removes an author suffix the byline names',
      "'What is the sea telling us?': Māori tribes fearful over whale strandings | Eleanor Ainge Roy",
      { byline: 'Eleanor Ainge Roy', siteName: 'the Guardian' },
      "'What is the sea telling us?': Māori tribes fearful over whale strandings",
    ],
    [
      'removes a site suffix og:site_name names',
      'Water rights fight heads to court - Los Angeles Times',
      { siteName: 'Los Angeles Times' },
      'Water rights fight heads to court',
    ],
    [
      "removes the site's name found in its address",
      'Mozilla - Wikipedia',
      { url: 'https://en.wikipedia.org/wiki/Mozilla' },
      'Mozilla',
    ],
    [
      'removes an author and a site',
      'Samantha and The Great Big Lie - John C. Welch - Medium',
      { siteName: 'Medium', byline: 'John C. Welch' },
      'Samantha and The Great Big Lie',
    ],
    [
      'removes a site name with its domain ending',
      'Friday Facts #282 - 0.17 in sight | Factorio',
      { siteName: 'Factorio.com' },
      'Friday Facts #282 - 0.17 in sight',
    ],
    [
      'takes the JSON-LD headline when the title is the headline with a suffix',
      'Ledger Lines: a history :: The Daily Port',
      { headline: 'Ledger Lines: a history' },
      'Ledger Lines: a history',
    ],
    [
      'keeps a dash that is part of the title',
      'Xbox One X review - a console that keeps up',
      { siteName: 'Engadget' },
      'Xbox One X review - a console that keeps up',
    ],
    [
      'keeps a title that is only the site name',
      'Yahoo News - Latest News',
      { siteName: 'Yahoo News - Latest News' },
      'Yahoo News - Latest News',
    ],
  ])('%s', (_name, title, context, expected) => {
    expect(articleTitle(title, { ...none, ...context })).toBe(expected);
  });
});
