/**
 * The list's thumbnail: the article's lead image, as stored with it (never
 * fetched from the web when the list is shown), through the same asset
 * address the reader uses.
 */
import { ASSET_PREFIX } from '@shared/assets';
import type { ArticleSummary } from '@shared/article';

/** The address of the article's lead image, or null when it keeps none. */
export function thumbnailUrl(
  article: Pick<ArticleSummary, 'id' | 'leadImage'>,
  assetUrl: (articleId: string, name: string) => string,
): string | null {
  const lead = article.leadImage;
  if (!lead?.startsWith(ASSET_PREFIX) || lead.length === ASSET_PREFIX.length) return null;
  return assetUrl(article.id, lead.slice(ASSET_PREFIX.length));
}
