/**
 * Library-wide options that are not about the reader: whether dropped pages
 * fetch their images from the web, and the Markdown export's template.
 * Stored in lectern.json under `settings.options`, beside the reader's
 * settings, so they follow the library to another machine. Reading is as
 * forgiving as readSettings: each field falls back to its default alone.
 */
export interface LibraryOptions {
  /** Dropped pages and clips fetch the images they link to on the web (links always do). */
  fetchImages: boolean;
  /** The Markdown export's template; null means the built-in one. */
  markdownTemplate: string | null;
}

export const DEFAULT_LIBRARY_OPTIONS: LibraryOptions = {
  fetchImages: true,
  markdownTemplate: null,
};

/** The longest template accepted, the same cap as an export request's. */
export const MAX_TEMPLATE_LENGTH = 100_000;

export function readLibraryOptions(stored: unknown): LibraryOptions {
  const raw = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const template = raw.markdownTemplate;
  return {
    fetchImages: typeof raw.fetchImages === 'boolean' ? raw.fetchImages : DEFAULT_LIBRARY_OPTIONS.fetchImages,
    markdownTemplate:
      typeof template === 'string' && template.length <= MAX_TEMPLATE_LENGTH && template.trim() !== ''
        ? template
        : null,
  };
}
