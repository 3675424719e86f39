/**
 * Repairs an article record read from disk, field by field: a field that
 * checks out against its schema (shared/schemas/article-record.ts) is kept as
 * it is; a bad or missing one is taken from the first fallback that has it
 * good (the last good copy, then the catalog's summary), else given a
 * default and counted as lost. Highlights are checked one by one, so one bad
 * highlight costs itself, not the article's others.
 *
 * Fields an older Lectern or a hand edit may leave out (tags, note, progress…)
 * take their default quietly when absent, as they always have: only a field
 * that is there and wrong, or a required one that is missing, is damage.
 */
import * as v from 'valibot';
import type { Highlight } from '../../shared/annotation';
import { READ_PROGRESS, type ArticleMeta } from '../../shared/article';
import { recordFields, storedHighlight } from '../../shared/schemas/article-record';

type Field = keyof typeof recordFields;
const FIELDS = Object.keys(recordFields) as Field[];

/** Fields that may be absent: they take their default (or stay absent) without it counting as damage. */
const ABSENT_IS_FINE = new Set<Field>([
  'tags',
  'highlights',
  'note',
  'progress',
  'favorite',
  'status',
  'wordCount',
  'leadImage',
  'readPlace',
  'pending',
  'trashedAt',
  'damage',
  'edited',
  'extracted',
  'contentUpdatedAt',
]);

export interface Repair {
  meta: ArticleMeta;
  /** Fields that were bad or missing, whether found again or not. */
  bad: string[];
  /** Of those, the ones no fallback had: they hold defaults now. */
  lost: string[];
  /** Highlights that failed their schema, to be kept aside. */
  droppedHighlights: unknown[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function good(field: Field, value: unknown): boolean {
  return v.is(recordFields[field], value);
}

/** The highlights of `value` that check out, and the ones that do not. */
export function sortHighlights(value: unknown[]): { kept: Highlight[]; dropped: unknown[] } {
  const kept: Highlight[] = [];
  const dropped: unknown[] = [];
  for (const highlight of value) {
    if (v.is(storedHighlight, highlight)) kept.push(highlight as Highlight);
    else dropped.push(highlight);
  }
  return { kept, dropped };
}

/** True when the record needs no repair at all: the path every healthy article takes. */
export function isSoundRecord(value: unknown, id: string): value is ArticleMeta {
  if (!isRecord(value) || value.id !== id) return false;
  for (const field of FIELDS) {
    if (value[field] === undefined ? !ABSENT_IS_FINE.has(field) : !good(field, value[field])) return false;
  }
  return sortHighlights((value.highlights as unknown[] | undefined) ?? []).dropped.length === 0;
}

/**
 * The record rebuilt from `value` (which may be anything: a damaged file
 * gives `{}`), the `fallbacks` in order, and `defaults` for what none has.
 */
export function repairRecord(
  value: unknown,
  id: string,
  fallbacks: Record<string, unknown>[],
  defaults: ArticleMeta,
): Repair {
  const stored = isRecord(value) ? value : {};
  const out: Record<string, unknown> = { id };
  const bad: string[] = [];
  const lost: string[] = [];
  let droppedHighlights: unknown[] = [];
  for (const field of FIELDS) {
    const own = stored[field];
    if (field === 'highlights' && Array.isArray(own)) {
      const { kept, dropped } = sortHighlights(own);
      out.highlights = kept;
      droppedHighlights = dropped;
      continue;
    }
    if (own === undefined && ABSENT_IS_FINE.has(field)) {
      if (field in defaults) out[field] = defaults[field as keyof ArticleMeta];
      continue;
    }
    if (own !== undefined && good(field, own)) {
      out[field] = own;
      continue;
    }
    bad.push(field);
    const found = fallbacks.find((fallback) => fallback[field] !== undefined && good(field, fallback[field]));
    if (found) {
      out[field] = field === 'highlights' ? sortHighlights(found[field] as unknown[]).kept : found[field];
    } else {
      if (field in defaults) out[field] = defaults[field as keyof ArticleMeta];
      lost.push(field);
    }
  }
  const meta = out as unknown as ArticleMeta;
  if (meta.readPlace !== undefined && !(meta.readPlace > 0 && meta.readPlace < READ_PROGRESS)) {
    delete meta.readPlace;
  }
  return { meta, bad, lost, droppedHighlights };
}
