/** What every feature's service needs: the open library, its search engine and the event fan-out. */
import type { EventHub } from '../events';
import type { Library } from '../library/library';
import type { SearchEngine } from '../search/search-engine';

export interface ServiceContext {
  library: Library;
  search: SearchEngine;
  events: EventHub;
}
