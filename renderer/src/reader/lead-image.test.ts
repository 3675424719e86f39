import { describe, expect, it } from 'vitest';
import { headImage } from './lead-image';

const LEAD = 'assets/0123456789abcdef.jpg';
const OTHER = 'assets/fedcba9876543210.png';

describe('headImage', () => {
  it.each([
    ['a lead image the text leaves out', LEAD, '<p>Text.</p>', '0123456789abcdef.jpg'],
    [
      'a lead image the text shows later, after another',
      LEAD,
      `<img src="${OTHER}"><img src="${LEAD}">`,
      '0123456789abcdef.jpg',
    ],
    [
      'the text opening with the lead image',
      LEAD,
      `<p>Intro.</p><figure><img alt="" src="${LEAD}"></figure>`,
      null,
    ],
    ['no lead image', undefined, `<img src="${OTHER}">`, null],
    ['a lead image that is a web address', 'https://example.com/a.jpg', '<p>Text.</p>', null],
  ])('%s', (_case, lead, html, expected) => {
    expect(headImage(lead, html)).toBe(expected);
  });
});
