import { describe } from 'vitest';
import { asWebUrl, normalizeUrl } from './url-normalize';
import { itReturns } from './testing/returns';

describe('normalizeUrl', () => {
  itReturns(normalizeUrl, [
    ['https://example.com/a', 'https://example.com/a'],
    ['https://example.com/a#section-2', 'https://example.com/a'],
    ['HTTPS://Example.COM:443/a', 'https://example.com/a'],
    ['http://example.com:80/a/', 'http://example.com/a'],
    ['https://example.com/', 'https://example.com/'],
    ['https://example.com/a?utm_source=x&utm_MEDIUM=y', 'https://example.com/a'],
    ['https://example.com/a?id=3&utm_campaign=z#top', 'https://example.com/a?id=3'],
    ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
    ['  https://example.com/a  ', 'https://example.com/a'],
    ['https://example.com/A', 'https://example.com/A'],
    ['https://www.example.com/a', 'https://www.example.com/a'],
    ['ftp://example.com/a', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
  ]);
});

describe('asWebUrl', () => {
  itReturns(asWebUrl, [
    ['https://example.com/a', 'https://example.com/a'],
    ['  http://example.com/x?y=1\n', 'http://example.com/x?y=1'],
    ['see https://example.com/a', null],
    ['https://example.com/a https://example.com/b', null],
    ['mailto:a@example.com', null],
    ['example.com', null],
  ]);
});
