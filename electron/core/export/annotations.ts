/**
 * Highlights as W3C Web Annotations (https://www.w3.org/TR/annotation-model/),
 * one AnnotationCollection in JSON-LD holding every annotation in a single
 * page. Each annotation targets the article by its web address (its Lectern
 * address when it has none) with the two selectors Lectern stores, a
 * TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector; the
 * note is a TextualBody with purpose "commenting" and each of the article's
 * tags a TextualBody with purpose "tagging", so Hypothesis-style tools keep
 * both. The colour rides along as a Lectern-namespaced property.
 */
import { highlightText } from '../../shared/annotation';
import type { ExportArticle } from './articles';
import { lecternLink } from './lectern-link';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/markdown';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
  'lectern:color': string;
  'lectern:quote': string;
}

export interface AnnotationCollection {
  '@context': [string, { lectern: string }];
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

export async function webAnnotations(
  articles: AsyncIterable<ExportArticle>,
  created: Date,
): Promise<AnnotationCollection> {
  const items: WebAnnotation[] = [];
  for await (const { meta } of articles) {
    const tags = meta.tags.map((tag): TextualBody => ({
      type: 'TextualBody',
      value: tag,
      purpose: 'tagging',
    }));
    for (const highlight of meta.highlights) {
      const [quote, position] = highlight.target.selector;
      const note: TextualBody[] = highlight.note
        ? [{ type: 'TextualBody', value: highlight.note, purpose: 'commenting', format: 'text/markdown' }]
        : [];
      items.push({
        id: lecternLink(meta.id, highlight.id),
        type: 'Annotation',
        motivation: note.length > 0 ? 'commenting' : 'highlighting',
        created: highlight.createdAt,
        modified: highlight.updatedAt,
        body: [...note, ...tags],
        target: {
          source: meta.url ?? lecternLink(meta.id),
          selector: [
            { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
            { type: 'TextPositionSelector', start: position.start, end: position.end },
          ],
        },
        'lectern:color': highlight.color,
        'lectern:quote': highlightText(highlight),
      });
    }
  }
  return {
    '@context': [CONTEXT, { lectern: 'lectern://ns#' }],
    id: `lectern://export/annotations/${created.getTime()}`,
    type: 'AnnotationCollection',
    label: `Lectern highlights, ${created.toISOString()}`,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}
