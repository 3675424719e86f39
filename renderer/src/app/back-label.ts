/**
 * What the Back button says: the name of the place it returns to, so the
 * person knows where it leads before pressing it.
 */
import { routeTitle } from '../library/browse.svelte';
import type { Route } from './router.svelte';

export function backLabel(route: Route | null): string {
  if (!route) return 'Library';
  if (route.name === 'highlights') return 'Highlights';
  if (route.name === 'article') return 'Back';
  return routeTitle(route);
}
