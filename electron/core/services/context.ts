/** What every feature's service needs: the open library, its search engine and the event fan-out. */
import type { EventHub } from '../events';
import type { BackupScheduler } from '../export/backup-schedule';
import type { Library } from '../library/library';
import type { SearchEngine } from '../search/search-engine';

export interface ServiceContext {
  library: Library;
  search: SearchEngine;
  events: EventHub;
  /**
   * Switches the app to the library in `dir`, for a window that restored a
   * backup into a new folder; given by hosts that can (the desktop app, the
   * browser shell), absent elsewhere.
   */
  switchLibrary?: (dir: string) => Promise<void>;
  /** The nightly backup, for Back up now; absent where nothing schedules backups. */
  backups?: BackupScheduler;
}
