/** What every feature's service needs: the open library and the event fan-out. */
import type { EventHub } from '../events';
import type { Library } from '../library/library';

export interface ServiceContext {
  library: Library;
  events: EventHub;
}
