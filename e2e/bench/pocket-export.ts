/**
 * The benches' generated Pocket export: `items` links in CSV parts of
 * 10,000 (as Pocket splits them), on 500 hosts, tagged, a third archived,
 * with one highlight for every tenth item in annotations/, zipped.
 */
import { zipBytes } from '../../electron/core/import/fixtures/zip';

const PART = 10_000;

export function pocketZip(items: number): Uint8Array {
  const url = (i: number) => `https://site${i % 500}.example/articles/${i}`;
  const parts = [];
  for (let start = 0; start < items; start += PART) {
    const rows = ['title,url,time_added,tags,status'];
    for (let i = start; i < Math.min(items, start + PART); i++)
      rows.push(
        `Article ${i},${url(i)},${1_500_000_000 + i * 60},topic${i % 40}|year${i % 7},${i % 3 ? 'unread' : 'archive'}`,
      );
    parts.push({
      name: `part_${String(parts.length).padStart(6, '0')}.csv`,
      content: `${rows.join('\n')}\n`,
    });
  }
  const annotations = Array.from({ length: Math.round(items / 10) }, (_, n) => ({
    url: url(n * 10),
    title: `Article ${n * 10}`,
    highlights: [{ quote: `A sentence worth keeping, number ${n}.`, created_at: 1_600_000_000 + n }],
  }));
  return zipBytes([...parts, { name: 'annotations/part_000000.json', content: JSON.stringify(annotations) }]);
}
