/**
 * The one notice a window gives about articles Lectern found damaged and
 * recovered on open (their summaries carry `damage`): how many, which, and a
 * way to look. Showing the first one accepts them all, as the person has then
 * been told; until then the notice comes back on the next open. The files
 * set aside stay in each article's folder either way.
 */
import type { LecternApi } from '@shared/api';
import type { ArticleSummary } from '@shared/article';
import type { Notice } from '../ui/notices.svelte';

/** Titles listed in the notice; more are counted. */
const LISTED = 5;

export function damageNotice(
  articles: readonly ArticleSummary[],
  api: Pick<LecternApi, 'acceptRecovered'>,
  open: (id: string) => void,
): Omit<Notice, 'id'> | null {
  const damaged = articles.filter((article) => article.damage !== undefined);
  const [first] = damaged;
  if (!first) return null;
  const count =
    damaged.length === 1
      ? '1 article in your library was'
      : `${damaged.length} articles in your library were`;
  const more = damaged.length - LISTED;
  return {
    tone: 'info',
    title: `${count} damaged; Lectern kept what it could`,
    lines: [
      ...damaged.slice(0, LISTED).map((article) => article.title),
      ...(more > 0 ? [`and ${more} more`] : []),
      'The damaged files are kept in each article’s folder.',
    ],
    action: {
      label: 'Show',
      run: () => {
        open(first.id);
        for (const article of damaged) void api.acceptRecovered(article.id).catch(() => undefined);
      },
    },
  };
}
