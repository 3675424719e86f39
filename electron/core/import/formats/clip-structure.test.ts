import { describe, expect, it } from 'vitest';
import { parseDateLine, recoverClip } from './clip-structure';
import { itReturns } from '../../../shared/testing/returns';

const PROSE =
  'The harbour master kept a ledger of every ship that came in, and the ledger outlived the harbour.';

describe('recoverClip', () => {
  it.each<[string, string, Partial<ReturnType<typeof recoverClip>>]>([
    [
      'a title, a byline and a date line',
      `Harbour Ledgers\nBy Jane Doe\nJune 3, 2022\n\n${PROSE}`,
      { title: 'Harbour Ledgers', byline: 'Jane Doe', published: '2022-06-03T00:00:00.000Z', body: [PROSE] },
    ],
    [
      'an author line near a numeric date line with a time',
      `Harbour Ledgers\nJane Doe\nFri, 06/03/2022 – 18:40\n${PROSE}`,
      { byline: 'Jane Doe', published: '2022-06-03T18:40:00.000Z', body: [PROSE] },
    ],
    [
      'an author line below the date line',
      `Harbour Ledgers\n3 June 2022\nJane Doe\n\n${PROSE}`,
      { byline: 'Jane Doe', published: '2022-06-03T00:00:00.000Z', body: [PROSE] },
    ],
    [
      'an author and a date line at the end, before the page chrome',
      `Harbour Ledgers\n\n${PROSE}\n\n${PROSE}\n\nJane Doe\nFri, 06/03/2022 – 18:40\nShare this story\nRelated Articles\nA ship in the fog`,
      { byline: 'Jane Doe', published: '2022-06-03T18:40:00.000Z', body: [PROSE, '', PROSE] },
    ],
    [
      'a date line then an author line at the end',
      `Harbour Ledgers\n${PROSE}\nJune 3, 2022\nBy Jane Doe`,
      { byline: 'Jane Doe', published: '2022-06-03T00:00:00.000Z', body: [PROSE] },
    ],
    [
      'a day-first date alone at the end',
      `Harbour Ledgers\n${PROSE}\n3 June 2022`,
      { byline: null, published: '2022-06-03T00:00:00.000Z', body: [PROSE] },
    ],
    [
      'an ISO date at the end',
      `Harbour Ledgers\n${PROSE}\nJane Doe\n2022-06-03`,
      { byline: 'Jane Doe', published: '2022-06-03T00:00:00.000Z', body: [PROSE] },
    ],
    [
      'a name alone at the end, with no date, kept as text',
      `Harbour Ledgers\n${PROSE}\nJane Doe`,
      { byline: null, published: null, body: [PROSE, 'Jane Doe'] },
    ],
    [
      'a repeated title with other quote characters',
      `“Harbour” Ledgers\n"Harbour" Ledgers\n\n${PROSE}`,
      { title: '“Harbour” Ledgers', body: [PROSE] },
    ],
    [
      'a repeated title in other case and single quotes',
      `The ‘Last’ Ledger\nTHE 'LAST' LEDGER\n${PROSE}`,
      { title: 'The ‘Last’ Ledger', body: [PROSE] },
    ],
    [
      'leading chrome lines before the title',
      `Share this Story\nSkip to content\nHarbour Ledgers\n\n${PROSE}`,
      { title: 'Harbour Ledgers', body: [PROSE] },
    ],
    [
      'an Advertisement line in the middle',
      `Harbour Ledgers\n\n${PROSE}\n\nAdvertisement\n\n${PROSE}`,
      { body: [PROSE, '', '', PROSE] },
    ],
    [
      'trailing Related Articles, Load More and Subscribe',
      `Harbour Ledgers\n\n${PROSE}\n\n${PROSE}\n\n${PROSE}\n\nRelated Articles\nA ship\nAnother ship\nLoad More …\nSubscribe`,
      { body: [PROSE, '', PROSE, '', PROSE] },
    ],
    [
      'a cookie notice',
      `Harbour Ledgers\n${PROSE}\nWe use cookies to improve your experience. Accept all\nAccept cookies`,
      { body: [PROSE] },
    ],
    [
      'a sentence mentioning subscriptions and adverts, kept',
      `Harbour Ledgers\n\nSubscribe to nothing: advertisement paid for the harbour.`,
      { body: ['Subscribe to nothing: advertisement paid for the harbour.'] },
    ],
    [
      'a "Related" line early in the clip, kept as text',
      `Harbour Ledgers\nRelated\n${PROSE}\n${PROSE}\n${PROSE}`,
      { body: ['Related', PROSE, PROSE, PROSE] },
    ],
    [
      'a date line in the middle of the body, left alone',
      `Harbour Ledgers\n${PROSE}\n${PROSE}\nJune 3, 2022\n${PROSE}`,
      { published: null, body: [PROSE, PROSE, 'June 3, 2022', PROSE] },
    ],
    ['only chrome', 'Advertisement\nShare\n\nSubscribe', { title: null, body: [] }],
  ])('recovers %s', (_label, text, expected) => {
    expect(recoverClip(text)).toMatchObject(expected);
  });
});

describe('parseDateLine', () => {
  itReturns(parseDateLine, [
    ['June 3, 2022', '2022-06-03T00:00:00.000Z'],
    ['Jun. 3rd, 2022', '2022-06-03T00:00:00.000Z'],
    ['Friday, June 3, 2022 at 6:40 pm', '2022-06-03T18:40:00.000Z'],
    ['Fri, 06/03/2022 – 18:40', '2022-06-03T18:40:00.000Z'],
    ['3 June 2022', '2022-06-03T00:00:00.000Z'],
    ['Published: 2022-06-03', '2022-06-03T00:00:00.000Z'],
    ['Updated on June 3, 2022 12:05 am', '2022-06-03T00:05:00.000Z'],
    ['13/45/2022', null],
    ['June 3 was a good day', null],
    ['The year 2022', null],
  ]);
});
