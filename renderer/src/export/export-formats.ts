/** The export formats as the dialog names them, and the name each one's output gets by default. */
import type { ExportFormat } from '@shared/api';

export interface FormatInfo {
  label: string;
  /** One line on what it is for. */
  hint: string;
  /** Whether the output is a folder (one file per article) rather than one file. */
  folder: boolean;
  /** The output file's extension, without the dot; empty for a folder. */
  extension: string;
}

export const FORMAT_INFO: Record<ExportFormat, FormatInfo> = {
  markdown: {
    label: 'Markdown',
    hint: 'One file per article with its highlights and note, for Obsidian, Logseq or any notes folder.',
    folder: true,
    extension: '',
  },
  readwise: {
    label: 'Readwise CSV',
    hint: 'Every highlight, in the layout Readwise imports.',
    folder: false,
    extension: 'csv',
  },
  annotations: {
    label: 'Annotations (JSON-LD)',
    hint: 'Highlights and notes as W3C Web Annotations, as Hypothesis reads them.',
    folder: false,
    extension: 'jsonld',
  },
  bookmarks: {
    label: 'Bookmarks HTML',
    hint: 'Web addresses with tags and dates, for any browser or bookmark service.',
    folder: false,
    extension: 'html',
  },
  epub: {
    label: 'EPUB',
    hint: 'An e-book of the articles, with images and contents, for e-readers and Kindle.',
    folder: false,
    extension: 'epub',
  },
  backup: {
    label: 'Full backup',
    hint: 'The whole library in one .zip, whatever is chosen: restore it with “lectern restore”.',
    folder: false,
    extension: 'zip',
  },
};

const BASE_NAMES: Record<ExportFormat, string> = {
  markdown: 'Markdown',
  readwise: 'lectern-readwise',
  annotations: 'lectern-annotations',
  bookmarks: 'lectern-bookmarks',
  epub: 'lectern',
  backup: 'lectern-backup',
};

/**
 * The default name: a folder kept from run to run for Markdown (so a second
 * export updates the files and keeps what was written below their marker
 * line), a dated file for the others.
 */
export function exportFileName(format: ExportFormat, now: number): string {
  const info = FORMAT_INFO[format];
  if (info.folder) return BASE_NAMES[format];
  const date = new Date(now).toISOString().slice(0, 10);
  return `${BASE_NAMES[format]}-${date}.${info.extension}`;
}

/** "Exported 120 articles" and what was written, in words. */
export function outcomeSummary(format: ExportFormat, articles: number): string {
  const count = articles === 1 ? '1 article' : `${articles.toLocaleString()} articles`;
  return format === 'backup' ? `Backed up ${count}` : `Exported ${count}`;
}
