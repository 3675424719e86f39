/**
 * The one API contract between the renderer and Lectern's backend, assembled
 * from one interface per feature (api/*.ts). The Electron IPC transport and
 * the browser shell's HTTP transport both carry exactly these calls; the
 * schemas in schemas/*.ts validate their arguments at the edge.
 */
import type { Highlight } from './annotation';
import type { ArticleSummary } from './article';
import type { SerializedError } from './errors';
import { ARTICLES_METHODS, type ArticlesApi, type ReextractProgressEvent } from './api/articles';
import { APP_METHODS, type AppApi } from './api/app';
import { ANNOTATIONS_METHODS, type AnnotationsApi } from './api/annotations';
import { BULK_METHODS, type BulkApi, type BulkProgressEvent } from './api/bulk';
import { EXPORT_METHODS, type ExportApi, type ExportProgressEvent } from './api/export';
import {
  IMPORT_METHODS,
  type AppExportProgressEvent,
  type ImportApi,
  type ImportProgressEvent,
  type ImportReadingEvent,
  type LinkQueueEvent,
} from './api/import';
import { SEARCH_METHODS, type SearchApi } from './api/search';
import { SETTINGS_METHODS, type SettingsApi } from './api/settings';
import { TAGS_METHODS, type TagsApi } from './api/tags';
import { TRASH_METHODS, type TrashApi } from './api/trash';
import { CLIPPER_METHODS, type ClipperApi, type ClipperEvent } from './api/clipper';
import type { ReaderSettings } from './settings';

export type * from './api/articles';
export type * from './api/bulk';
export type * from './api/import';
export type * from './api/search';
export type * from './api/tags';
export type * from './api/trash';
export type * from './api/annotations';
export type * from './api/settings';
export type * from './api/export';
export type * from './api/app';
export type * from './api/clipper';

export interface LecternApi
  extends
    ArticlesApi,
    ImportApi,
    SearchApi,
    TagsApi,
    BulkApi,
    TrashApi,
    AnnotationsApi,
    SettingsApi,
    ExportApi,
    AppApi,
    ClipperApi {}

export type ApiMethod = keyof LecternApi;

// Each feature lists its methods in a Record over its interface, which fails
// to compile when a method is missing; the transports derive from this list.
const METHODS: Record<ApiMethod, true> = {
  ...ARTICLES_METHODS,
  ...IMPORT_METHODS,
  ...SEARCH_METHODS,
  ...TAGS_METHODS,
  ...BULK_METHODS,
  ...TRASH_METHODS,
  ...ANNOTATIONS_METHODS,
  ...SETTINGS_METHODS,
  ...EXPORT_METHODS,
  ...APP_METHODS,
  ...CLIPPER_METHODS,
};

export const API_METHODS = Object.keys(METHODS) as ApiMethod[];

/** Pushed from the backend to every open window. */
export type LecternEvent =
  | {
      type: 'library-changed';
      /** Articles added or changed (moving to or from the trash included), in their new state. */
      changed: ArticleSummary[];
      /** Ids of articles deleted for good. */
      removed: string[];
    }
  | {
      /** Library-wide data in lectern.json changed: tag colours or saved views. */
      type: 'library-settings-changed';
    }
  | {
      type: 'annotations-changed';
      articleId: string;
      /** The article's highlights and note, in their new state. */
      highlights: Highlight[];
      note: string;
    }
  | { type: 'settings-changed'; settings: ReaderSettings }
  | {
      /**
       * Sent by a window's own transport, never by the backend: its event
       * stream has opened again, or opened after answers that may predate
       * it, so changes may have been missed and what is shown is fetched again.
       */
      type: 'events-resumed';
    }
  | ImportProgressEvent
  | ImportReadingEvent
  | LinkQueueEvent
  | AppExportProgressEvent
  | BulkProgressEvent
  | ExportProgressEvent
  | ClipperEvent
  | ReextractProgressEvent;

/** How every transport returns a call: the value, or the error in words. */
export type CallResult = { ok: true; value: unknown } | { ok: false; error: SerializedError };

/** What a window holds: the API plus a way to hear about changes. */
export interface LecternClient extends LecternApi {
  /** Calls `listener` for each backend event; returns the unsubscribe function. */
  onEvent(listener: (event: LecternEvent) => void): () => void;
  /** Where the window loads an article's stored asset ("assets/<name>" in content.html) from. */
  assetUrl(articleId: string, name: string): string;
}
