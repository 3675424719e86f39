/**
 * The window's state, made once here and wired to the real API client. The
 * state classes take what they talk to in their constructors, so a test
 * builds them around a fake client; everything on screen shares these
 * instances, so there is one list, one selection and one set of notices.
 * Importing this module connects to the backend: tests import the classes,
 * never this.
 */
import type { Highlight } from '@shared/annotation';
import { api } from '../api/client';
import { ClipperState } from '../clipper/clipper.svelte';
import { ExportDialogState } from '../export/export-dialog.svelte';
import { RestoreState } from '../export/restore.svelte';
import { Importer } from '../import/importer.svelte';
import { BrowseState } from '../library/browse.svelte';
import { LibraryActions } from '../library/bulk-actions';
import { BulkProgressState } from '../library/bulk-progress.svelte';
import { LibraryState } from '../library/library.svelte';
import { RevisionsState } from '../library/revisions.svelte';
import { SidebarState } from '../library/sidebar.svelte';
import { AnnotationsState } from '../reader/annotations.svelte';
import { LibraryOptionsState } from '../settings/library-options.svelte';
import { SettingsState } from '../settings/settings.svelte';
import { Notices } from '../ui/notices.svelte';
import { Router } from './router.svelte';
import { ShortcutsSheetState } from './shortcuts-sheet.svelte';

export const notices = new Notices();
export const router = new Router(window);
export const shortcutsSheet = new ShortcutsSheetState();
export const library = new LibraryState(api);
export const sidebar = new SidebarState(api, notices);
export const browse = new BrowseState({ api, library, router, sidebar, notices });
export const actions = new LibraryActions(api, notices);
export const bulkProgress = new BulkProgressState(api);
export const importer = new Importer(api, notices, router);
export const exportDialog = new ExportDialogState(api);
export const restore = new RestoreState(api, () => window.location.reload());
export const revisions = new RevisionsState(api, notices);
export const libraryOptions = new LibraryOptionsState(api, notices);
export const clipper = new ClipperState(api, notices, (outcome) => importer.report([outcome]));
export const settings = new SettingsState(api, notices, window.matchMedia('(prefers-color-scheme: dark)'));

/** One open article's highlights and note, bound to this window's client and notices. */
export class ArticleAnnotations extends AnnotationsState {
  constructor(articleId: string, initial: { highlights: Highlight[]; note: string }) {
    super(api, notices, articleId, initial);
  }
}
