import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parseDate, readMetadata } from './metadata';
import { itReturns } from '../../../shared/testing/returns';

function doc(html: string): Document {
  return (parseHTML(html) as unknown as { document: Document }).document;
}

describe('parseDate', () => {
  itReturns(parseDate, 'reads ISO 8601 with and without a time and zone: %j', [
    ['2022-06-03T18:40:00+02:00', '2022-06-03T16:40:00.000Z'],
    ['2022-06-03T18:40:00.123Z', '2022-06-03T18:40:00.000Z'],
    ['2022-06-03', '2022-06-03T00:00:00.000Z'],
  ]);

  itReturns(parseDate, 'reads dates as pages print them, at midnight UTC: %j', [
    ['Published June 3, 2022', '2022-06-03T00:00:00.000Z'],
    ['3rd Sept. 2021 · 5 min read', '2021-09-03T00:00:00.000Z'],
    ['Fri, 06/03/2022 – 18:40', '2022-06-03T00:00:00.000Z'],
    ['Tue, 19 Nov 2019 12:30:00 GMT', '2019-11-19T12:30:00.000Z'],
  ]);

  it.each(['February 30, 2022', '13/45/2022', 'yesterday', '', null])(
    'refuses what is not a date: %j',
    (text) => {
      expect(parseDate(text)).toBeNull();
    },
  );
});

describe('readMetadata', () => {
  it.each<[string, string, string | null, Record<string, string>]>([
    [
      'reads JSON-LD, including @graph, before the meta tags',
      `<html><head>
        <meta property="article:published_time" content="2020-01-01T00:00:00Z">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"WebSite","name":"Example Site"},
          {"@type":"NewsArticle","headline":"Ledger Lines","datePublished":"2021-05-04T10:00:00Z",
           "author":[{"@type":"Person","name":"Ada Lovelace"},{"@type":"Person","name":"Charles Babbage"}],
           "publisher":{"@type":"Organization","name":"The Example Times"},
           "image":{"@type":"ImageObject","url":"/img/lead.jpg"},"inLanguage":"en-GB"}]}</script>
        <script type="application/ld+json">{ broken</script>
      </head><body></body></html>`,
      'https://example.com/news/ledger',
      {
        title: 'Ledger Lines',
        byline: 'Ada Lovelace, Charles Babbage',
        siteName: 'The Example Times',
        published: '2021-05-04T10:00:00.000Z',
        lang: 'en-GB',
        leadImage: 'https://example.com/img/lead.jpg',
      },
    ],
    [
      'falls back on Open Graph and other meta tags',
      `<html><head>
        <link rel="canonical" href="/a/story?id=7">
        <meta property="og:site_name" content="Harbour News">
        <meta property="og:image" content="https://cdn.example.net/lead.png">
        <meta property="og:locale" content="fr_FR">
        <meta name="author" content="Jeanne Baret">
        <meta name="description" content="  A short   summary. ">
        <meta property="article:published_time" content="2019-11-19T08:00:00-05:00">
      </head><body></body></html>`,
      'https://harbour.example/',
      {
        url: 'https://harbour.example/a/story?id=7',
        siteName: 'Harbour News',
        leadImage: 'https://cdn.example.net/lead.png',
        lang: 'fr-FR',
        byline: 'Jeanne Baret',
        excerpt: 'A short summary.',
        published: '2019-11-19T13:00:00.000Z',
      },
    ],
    [
      'takes the date from a time element in the article, before one elsewhere',
      `<html><body>
        <aside><time datetime="2001-01-01">Old</time></aside>
        <article><header><time datetime="2023-03-14T09:26:00Z">March 14</time></header><p>Text</p></article>
      </body></html>`,
      null,
      { published: '2023-03-14T09:26:00.000Z' },
    ],
    [
      'finds a date printed in the byline area when nothing is marked up',
      `<html><body><div class="story-meta"><span class="byline">By Jane Doe</span>
        <span class="dateline">Updated 14 February 2024</span></div><p>Body text.</p></body></html>`,
      null,
      { published: '2024-02-14T00:00:00.000Z' },
    ],
  ])('%s', (_name, html, url, expected) => {
    expect(readMetadata(doc(html), url)).toMatchObject(expected);
  });

  it('leaves out what the page does not say, and relative addresses without a base', () => {
    const metadata = readMetadata(
      doc('<html><head><meta property="og:image" content="/lead.jpg"></head><body><p>Hi</p></body></html>'),
      null,
    );
    expect(metadata).toEqual({
      title: null,
      headline: null,
      byline: null,
      siteName: null,
      url: null,
      published: null,
      lang: null,
      leadImage: null,
      excerpt: null,
    });
  });
});
