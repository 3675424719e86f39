/**
 * Re-extraction: an article made again from the original bytes its folder
 * keeps, with the extractor as it is now, so the library improves each time
 * the extractor does. The import pipeline does the work (prepareFile, on the
 * import workers for files; prepareText for clips and pasted text); this
 * module decides what to feed it and what to keep:
 * - the previous content is kept as a version (library/article-versions.ts)
 *   before it is replaced, and can be restored, which keeps the current one
 *   as a version in turn: nothing is lost either way;
 * - highlights are placed again in the new text (library/reanchor.ts), and
 *   those that cannot be are kept and reported, never dropped;
 * - the person's edits to the details stay on top (library/article-edits.ts);
 *   tags, note, state and reading place are not touched;
 * - a clip's or pasted text's title and address came with it, not from
 *   extraction, so they are kept.
 * Articles go one at a time: a whole library is a background job, with a
 * progress event after each article, and a cancel that stops before the next.
 */
import type { FileInput } from '../../shared/api';
import type { ArticleVersion, ReextractJob, ReextractOutcome } from '../../shared/api/articles';
import { summarize, whyNotReextractable, type ArticleMeta } from '../../shared/article';
import { LecternError, serializeError } from '../../shared/errors';
import { fetchingWebImages } from '../import/images/web-images';
import { prepareFile, prepareText } from '../import/pipeline/import-file';
import { preparePool } from '../import/workers/prepare-pool';
import { articleText } from '../import/services/place-highlights';
import { extractedDetails, takeExtracted } from '../library/article-edits';
import { summarizeVersion, type StoredVersion } from '../library/article-versions';
import type { NewArticle } from '../library/library';
import { reanchorHighlights, type Reanchored } from '../library/reanchor';
import { logUnexpected } from '../log';
import type { ServiceContext } from './context';

type Fields = NewArticle['fields'];

/** An article of the library, extracted again from its original; nothing is written. */
async function extractAgain(context: ServiceContext, meta: ArticleMeta): Promise<NewArticle> {
  const bytes = await context.library.original(meta.id);
  const fetchImages = context.library.file.libraryOptions().fetchImages;
  const { kind, name } = meta.source;
  if (kind === 'clip' || (kind === 'text' && name === null)) {
    const text = new TextDecoder().decode(bytes);
    const given = { title: extractedDetails(meta).title, url: meta.url ?? undefined };
    const input = kind === 'clip' ? { text: '', html: text, ...given } : { text, ...given };
    return prepareText(input, fetchingWebImages(fetchImages));
  }
  const file: FileInput = { name: name ?? meta.source.original, type: '', bytes };
  // A page fetched from a link is named by its address: its relative links resolve against it.
  if (meta.url && name === meta.url) {
    const article = await prepareFile(file, { fetchedFrom: meta.url, ...fetchingWebImages(fetchImages) });
    article.fields.url ??= meta.url;
    return article;
  }
  return preparePool.prepare(file, new Map(), fetchImages);
}

/** The record's extracted fields replaced by a new extraction's, highlights placed again in `text`. */
function applyExtraction(meta: ArticleMeta, fields: Fields, text: string): Reanchored {
  const { title, byline, siteName, published, excerpt, wordCount, lang, leadImage, url } = fields;
  takeExtracted(meta, { title, byline, siteName, published });
  Object.assign(meta, { excerpt, wordCount, lang, url: url ?? meta.url });
  if (leadImage) meta.leadImage = leadImage;
  else delete meta.leadImage;
  const placed = reanchorHighlights(text, meta.highlights);
  meta.highlights = placed.highlights;
  return placed;
}

function outcomeOf(meta: ArticleMeta, version: StoredVersion | null, placed: Reanchored): ReextractOutcome {
  return {
    status: 'reextracted',
    article: summarize(meta),
    version: version && summarizeVersion(version),
    placed: placed.placed,
    moved: placed.moved,
    orphaned: placed.orphaned,
  };
}

export function reextractService(context: ServiceContext) {
  const { library, events } = context;
  const jobs = new Map<string, AbortController>();

  async function reextractOne(id: string): Promise<ReextractOutcome> {
    let title = id;
    try {
      const meta = await library.get(id);
      title = meta.title;
      const reason = whyNotReextractable({ ...meta, trashedAt: library.summary(id).trashedAt });
      if (reason) return { status: 'skipped', id, title, reason };
      const article = await extractAgain(context, meta);
      const text = articleText(article.html);
      let placed: Reanchored = { highlights: [], placed: 0, moved: 0, orphaned: 0 };
      if (article.html === (await library.content(id))) {
        // The same text: no version to keep, only the details may have changed.
        const updated = await library.update(id, (next) => {
          placed = applyExtraction(next, article.fields, text);
        });
        return outcomeOf(updated, null, placed);
      }
      const { meta: updated, version } = await library.replaceContent(id, article, 'reextract', (next) => {
        placed = applyExtraction(next, article.fields, text);
      });
      return outcomeOf(updated, version, placed);
    } catch (error) {
      if (!(error instanceof LecternError)) logUnexpected(error);
      return { status: 'failed', id, title, message: serializeError(error).message };
    }
  }

  return {
    async reextractArticles(ids: string[], job?: ReextractJob): Promise<ReextractOutcome[]> {
      const controller = new AbortController();
      if (job) jobs.set(job.jobId, controller);
      const outcomes: ReextractOutcome[] = [];
      const progress = (finished: boolean) => {
        if (job) {
          events.emit({
            type: 'reextract-progress',
            jobId: job.jobId,
            done: outcomes.length,
            total: ids.length,
            finished,
          });
        }
      };
      try {
        for (const id of ids) {
          if (controller.signal.aborted) break;
          outcomes.push(await reextractOne(id));
          progress(false);
        }
      } finally {
        if (job) jobs.delete(job.jobId);
        progress(true);
      }
      return outcomes;
    },

    async cancelReextract(jobId: string): Promise<void> {
      jobs.get(jobId)?.abort();
    },

    async listVersions(id: string): Promise<ArticleVersion[]> {
      return (await library.versions(id)).map(summarizeVersion);
    },

    async restoreVersion(id: string, versionId: string): Promise<ReextractOutcome> {
      const { version, html } = await library.version(id, versionId);
      const text = articleText(html);
      let placed: Reanchored = { highlights: [], placed: 0, moved: 0, orphaned: 0 };
      const fields: Fields = {
        ...version.details,
        url: null,
        excerpt: version.excerpt,
        wordCount: version.wordCount,
        lang: version.lang,
        leadImage: version.leadImage,
      };
      const { meta, version: kept } = await library.replaceContent(
        id,
        { html, assets: [] },
        'restore',
        (next) => {
          placed = applyExtraction(next, fields, text);
        },
      );
      return outcomeOf(meta, kept, placed);
    },
  };
}
