import { describe, expect, it } from 'vitest';
import { readArticles } from './articles';
import { webAnnotations } from './annotations';
import { useFixtureLibrary } from './fixture-library';

const fixture = useFixtureLibrary();

/** The shape the Web Annotation Data Model requires, checked on the parsed JSON, not on our types. */
function checkAnnotation(a: Record<string, unknown>): void {
  expect(typeof a.id).toBe('string');
  expect(a.type).toBe('Annotation');
  expect(['highlighting', 'commenting']).toContain(a.motivation);
  const target = a.target as { source: string; selector: Record<string, unknown>[] };
  expect(() => new URL(target.source)).not.toThrow();
  const [quote, position] = target.selector as [Record<string, unknown>, Record<string, unknown>];
  expect(quote.type).toBe('TextQuoteSelector');
  for (const key of ['exact', 'prefix', 'suffix']) expect(typeof quote[key]).toBe('string');
  expect(position.type).toBe('TextPositionSelector');
  expect(Number.isInteger(position.start) && Number.isInteger(position.end)).toBe(true);
  expect(position.end as number).toBeGreaterThan(position.start as number);
  for (const body of a.body as Record<string, unknown>[]) {
    expect(body.type).toBe('TextualBody');
    expect(typeof body.value).toBe('string');
    expect(['commenting', 'tagging']).toContain(body.purpose);
  }
}

describe('webAnnotations', () => {
  it('writes an AnnotationCollection of valid annotations with quote, position, note and tag bodies', async () => {
    const { library, page, book } = fixture();
    const collection = await webAnnotations(readArticles(library, [page, book], false), new Date(0));
    const parsed = JSON.parse(JSON.stringify(collection)) as Record<string, unknown>;
    expect((parsed['@context'] as unknown[])[0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(parsed.type).toBe('AnnotationCollection');
    const items = (parsed.first as { items: Record<string, unknown>[] }).items;
    expect(parsed.total).toBe(items.length);
    expect(items).toHaveLength(3);
    items.forEach(checkAnnotation);
    const noted = items[1] as Record<string, unknown>;
    expect(noted.id).toBe(`lectern://open?id=${page}&highlight=h2`);
    expect(noted.motivation).toBe('commenting');
    expect(noted.body).toEqual([
      {
        type: 'TextualBody',
        value: 'A note, "with quotes"\nand a line break',
        purpose: 'commenting',
        format: 'text/markdown',
      },
      { type: 'TextualBody', value: 'work', purpose: 'tagging' },
      { type: 'TextualBody', value: 'sea/keepers', purpose: 'tagging' },
    ]);
    expect((noted.target as { source: string }).source).toBe('https://example.com/keepers?a=1&b=2');
    expect((items[0] as Record<string, unknown>).motivation).toBe('highlighting');
  });
});
