/**
 * The readable text of an HTML fragment, with a space after every block so
 * neighbouring paragraphs do not run together ("…end.Next…"): both the
 * expected and the extracted side are read this way, so joins are not scored
 * as errors on either.
 */
import { parseHTML } from 'linkedom';

const BLOCKS =
  'p, div, section, article, li, dt, dd, h1, h2, h3, h4, h5, h6, blockquote, pre, figure, figcaption, td, th, tr, br, hr, table, ul, ol';

export function textOfHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`) as unknown as {
    document: Document;
  };
  for (const block of document.body.querySelectorAll(BLOCKS)) block.after(' ');
  return document.body.textContent ?? '';
}
