import { describe, expect, it } from 'vitest';
import { extractHtml } from './extract-html';

const PROSE = [
  'The lighthouse keepers kept a log of every ship that passed the point, its flag, its heading and the hour, written in pencil first and copied in ink each evening by lamplight.',
  'Their logs were sent to the harbour office every quarter, where clerks read them for wrecks and near misses and wrote to the owners of ships that had come too close to the rocks.',
  'The last keeper left the point in 1962, when the lamp was made automatic, and the logs went to the county archive, where they fill eleven shelves of a room above the reading hall.',
];

function page(after: string): string {
  return `<!doctype html><html><head><title>The Keepers' Logs</title></head><body><article>
    <h1>The Keepers' Logs</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}${after}</article></body></html>`;
}

const text = (html: string) =>
  extractHtml(html, 'logs.html')
    .contentHtml.replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('tag rows', () => {
  it('leaves out a row of tag links, label and all, in any wording', () => {
    const result = text(
      page(`<p><strong>Etiquetas<br><a href="/tag/faros" rel="tag">faros</a>,
        <a href="/tag/archivo-del-condado" rel="tag">archivo del condado</a>,
        <a href="/tag/guardianes" rel="tag">guardianes</a></strong></p>`),
    );
    expect(result).not.toContain('archivo del condado');
    expect(result).not.toContain('Etiquetas');
    for (const sentence of PROSE) expect(result).toContain(sentence);
  });

  it('keeps a line that only mentions a tag', () => {
    const result = text(
      page(
        '<p>Posted in <a href="/category/history" rel="category tag">History</a> by the county archivist on a wet Sunday</p>',
      ),
    );
    expect(result).toContain('Posted in History by the county archivist');
  });
});
