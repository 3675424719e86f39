import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { translationLink, translationRow } from './language-links';

function block(html: string): Element {
  const { document } = parseHTML(`<!doctype html><html><body><p>${html}</p></body></html>`) as unknown as {
    document: Document;
  };
  return document.querySelector('p')!;
}

const link = (html: string) => block(html).querySelector('a')!;

describe('translationLink', () => {
  it('takes a link named for a language, in its own words or in another language', () => {
    for (const name of ['English', 'Español', 'Deutsch', '日本語', '英語', '简体中文', 'французский']) {
      expect(translationLink(link(`<a href="/x">${name}</a>`)), name).toBe(true);
    }
  });

  it('takes a link named for a script the text is rewritten in, and one naming two languages', () => {
    expect(translationLink(link('<a href="/x">ひらがな</a>'))).toBe(true);
    expect(translationLink(link('<a href="/x">日本語・英語</a>'))).toBe(true);
    expect(translationLink(link('<a href="/x">English / French</a>'))).toBe(true);
  });

  it('takes a link that says its language with hreflang, whatever its words', () => {
    expect(translationLink(link('<a hreflang="cy" href="/x">Darllen</a>'))).toBe(true);
  });

  it('leaves other links alone, a name beside other words included', () => {
    for (const name of ['Lights', 'English tides', 'Han', 'News / English', '']) {
      expect(translationLink(link(`<a href="/x">${name}</a>`)), name).toBe(false);
    }
  });
});

describe('translationRow', () => {
  it('is a row of two or more translation links and nothing else', () => {
    expect(translationRow(block('<a href="/fr">Français</a> · <a href="/de">Deutsch</a>'))).toBe(true);
  });

  it('is not a lone language link, nor a menu with a language among its entries', () => {
    expect(translationRow(block('<a href="/fr">Français</a>'))).toBe(false);
    expect(translationRow(block('<a href="/news">News</a> · <a href="/en">English</a>'))).toBe(false);
  });
});
