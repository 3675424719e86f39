/**
 * How many articles each of the sidebar's lists holds, kept by adding and
 * taking away one article at a time: the window takes in an import's burst
 * of changes a few times a second, and a count over every summary at each
 * step was a pass over 20,000 of them for a few hundred changed.
 */
import { isRead, type ArticleSummary } from '@shared/article';

export interface ListCounts {
  inbox: number;
  unread: number;
  favorites: number;
  archive: number;
  all: number;
  trash: number;
}

export const noCounts = (): ListCounts => ({
  inbox: 0,
  unread: 0,
  favorites: 0,
  archive: 0,
  all: 0,
  trash: 0,
});

/** Adds `article` to `counts` (`sign` 1), or takes it away (-1). */
export function countArticle(counts: ListCounts, article: ArticleSummary, sign: 1 | -1): void {
  if (article.trashedAt !== null) {
    counts.trash += sign;
    return;
  }
  counts.all += sign;
  if (article.status === 'inbox') {
    counts.inbox += sign;
    if (!isRead(article)) counts.unread += sign;
  } else counts.archive += sign;
  if (article.favorite) counts.favorites += sign;
}
