/**
 * Files a clip in the library the way a dropped page is filed, with two
 * differences that are the reason for a clipper: the page's HTML is the DOM
 * as the browser rendered it, and its images come with it, as multipart
 * parts, so they are stored in the article's assets/ instead of being
 * fetched: before extraction, like an MHTML archive's parts, matched by
 * address against src, srcset and lazy-load attributes (an image behind the
 * person's login arrives). The web is asked only for an image the extension
 * could not send, as for a dropped page. A page goes through the import
 * workers' prepareFile (prepare-pool.ts), as a dropped page does, so a clip
 * of many megabytes is extracted off this thread and the window's requests
 * go on meanwhile; its image parts travel with it, by address. A selection
 * goes through prepareText on this thread (a selection clip, like a dragged
 * one, is small), a link through the import service's importUrls, exactly as
 * a dropped link. Then the clip's tags, state and note are applied, in the
 * same change as the import, so every window hears of the article once, as
 * it will stay.
 *
 * Clips are filed one at a time: the request id and address
 * checks then see every earlier clip, so a resend, even after a restart
 * (request ids are kept in clipper.json), answers `duplicate` with the first
 * article. A drop of the same page in the very same moment is not serialized
 * with a clip, and could make a second article; the address check catches
 * every later one.
 */
import type { ImportOutcome, LecternApi } from '../../shared/api';
import { summarize, type ArticleSummary } from '../../shared/article';
import { SerialQueue } from '../../shared/async';
import type { ClipAnswer, ClipRequest } from '../../shared/clip-protocol';
import { LecternError } from '../../shared/errors';
import { withTag } from '../../shared/tags';
import type { EventHub } from '../events';
import { absoluteAddress, imagesByAddress, type PageWithImages } from '../import/images/images-by-address';
import { fetchingWebImages } from '../import/images/web-images';
import { prepareText } from '../import/pipeline/import-file';
import { preparePool, type PreparePool } from '../import/workers/prepare-pool';
import type { Library, NewArticle } from '../library/library';
import type { Clipper } from './clipper';

export interface ClipImportOptions {
  /** The address that opens an article in this Lectern's window (ClipAnswer.open). */
  articleAddress: (id: string) => string;
  /** Whether images the clip did not carry may be fetched from the web (the library's option, read per clip). */
  fetchWebImages: () => boolean;
  /** For tests only: hosts whose images may be fetched from a local address (see ImportServiceOptions). */
  localImageHostsForTests?: readonly string[];
  /** Where a page is extracted: the import workers, as for a dropped page (tests give their own pool). */
  pool?: Pick<PreparePool, 'prepare'>;
}

/** The clip's image parts, by the absolute address the page gives them. */
function clipImages(clip: ClipRequest, parts: ReadonlyMap<string, Uint8Array>): PageWithImages {
  const images = new Map<string, Uint8Array>();
  for (const image of clip.images) {
    const bytes = parts.get(image.part);
    const url = absoluteAddress(image.url, clip.url);
    if (bytes && url) images.set(url, bytes);
  }
  return { url: clip.url, images };
}

/** A file name that reads well in the pipeline's messages and is always taken for a page. */
function pageName(clip: ClipRequest): string {
  const title = clip.title.replace(/[\\/\r\n]+/g, ' ').trim() || (URL.parse(clip.url)?.hostname ?? 'page');
  return `${title.slice(0, 120)}.html`;
}

export class ClipImporter {
  readonly #queue = new SerialQueue();

  constructor(
    private readonly library: Library,
    private readonly service: Pick<LecternApi, 'importUrls'>,
    private readonly clipper: Clipper,
    private readonly events: EventHub,
    private readonly options: ClipImportOptions,
  ) {}

  /** Saves a clip, or answers with the article it already made; throws a LecternError saying why not. */
  save(clip: ClipRequest, parts: ReadonlyMap<string, Uint8Array>): Promise<ClipAnswer> {
    return this.#queue.run(async () => {
      const known = this.#known(clip);
      if (known) return this.#answer(clip, { status: 'duplicate', input: clip.url, article: known });
      const article = clip.kind === 'link' ? await this.#link(clip) : await this.#filed(clip, parts);
      await this.clipper.file.rememberRequest({ requestId: clip.requestId, articleId: article.id });
      const status = article.pending ? 'pending' : 'imported';
      return this.#answer(clip, { status, input: clip.url, article });
    });
  }

  /** The article this request id made before, or one already saved from this address. */
  #known(clip: ClipRequest): ArticleSummary | null {
    const earlier = this.clipper.file.articleFor(clip.requestId);
    if (earlier && this.library.has(earlier)) return this.library.summary(earlier);
    return this.library.findDuplicate(null, clip.url);
  }

  #answer(clip: ClipRequest, outcome: ImportOutcome & { article: ArticleSummary }): ClipAnswer {
    this.events.emit({ type: 'clip-saved', outcome });
    const { id, title } = outcome.article;
    const status = outcome.status === 'duplicate' ? 'duplicate' : 'saved';
    return { status, id, title, open: this.options.articleAddress(id) };
  }

  async #link(clip: ClipRequest): Promise<ArticleSummary> {
    const [outcome] = await this.service.importUrls([clip.url]);
    if (!outcome || outcome.status === 'failed') {
      throw new LecternError(
        outcome?.error.code ?? 'internal',
        outcome?.error.message ?? 'The link was not saved.',
      );
    }
    return this.#applyChoices(clip, outcome.article.id);
  }

  async #filed(clip: ClipRequest, parts: ReadonlyMap<string, Uint8Array>): Promise<ArticleSummary> {
    if (!clip.html?.trim()) {
      throw new LecternError('invalid-argument', `The clip of ${clip.url} came without its page’s HTML.`);
    }
    const page = clipImages(clip, parts);
    const fetchWebImages = this.options.fetchWebImages();
    const localHosts = this.options.localImageHostsForTests ?? [];
    const article: NewArticle =
      clip.kind === 'page'
        ? await (this.options.pool ?? preparePool).prepare(
            { name: pageName(clip), type: 'text/html', bytes: new TextEncoder().encode(clip.html) },
            new Map(),
            fetchWebImages,
            localHosts,
            page,
          )
        : await prepareText(
            { text: '', html: clip.html, title: clip.title, url: clip.url },
            { localImage: imagesByAddress(page), ...fetchingWebImages(fetchWebImages, localHosts) },
          );
    article.fields.url = clip.url;
    if (!article.fields.title.trim() && clip.title.trim()) article.fields.title = clip.title.trim();
    return this.library.batch(async () => this.#applyChoices(clip, (await this.library.add(article)).id));
  }

  /** The person's tags, state and note from the popup; nothing is written when there are none. */
  async #applyChoices(clip: ClipRequest, id: string): Promise<ArticleSummary> {
    const meta = await this.library.update(id, (next) => {
      if (clip.tags.length === 0 && clip.state === 'inbox' && !clip.note.trim()) return false;
      next.tags = clip.tags.reduce(withTag, next.tags);
      if (clip.state === 'archive') next.status = 'archived';
      if (clip.note.trim()) next.note = next.note ? `${next.note}\n\n${clip.note}` : clip.note;
    });
    return summarize(meta);
  }
}
