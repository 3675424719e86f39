/** The import benchmarks' baseline: jsdom parses the page, Readability extracts; nothing else. */
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import type { CorpusPage } from './corpus';

export function baselineArticle(page: CorpusPage) {
  let dom: JSDOM | null = null;
  try {
    dom = new JSDOM(page.bytes, { url: page.url, virtualConsole: new VirtualConsole() });
    return new Readability(dom.window.document).parse();
  } catch {
    // The baseline fails on some pages (see the corpus README): it scores nothing there.
    return null;
  } finally {
    dom?.window.close();
  }
}
