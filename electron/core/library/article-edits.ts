/**
 * The person's edits to an article's details (title, byline, site, date),
 * laid over what extraction found. The record's own fields hold the result,
 * so the catalog, search, export and every window show the edit without
 * knowing edits exist; `edited` says which fields the person set and
 * `extracted` keeps what extraction found, so a re-extraction can change the
 * rest and "Reset to extracted" can bring it back. An edit back to the
 * extracted value is no edit: it is dropped, and with the last edit both
 * records go, leaving the record as an unedited one.
 */
import {
  EDITABLE_DETAILS,
  type ArticleDetails,
  type ArticleMeta,
  type EditableDetail,
} from '../../shared/article';

function detailsOf(meta: ArticleDetails): ArticleDetails {
  return { title: meta.title, byline: meta.byline, siteName: meta.siteName, published: meta.published };
}

/** Sets the shown details from `extracted` with the edits laid over, dropping edits equal to it. */
function settle(meta: ArticleMeta, extracted: ArticleDetails, edited: Partial<ArticleDetails>): void {
  const kept: Partial<ArticleDetails> = {};
  for (const field of EDITABLE_DETAILS) {
    const value = edited[field];
    if (value !== undefined && value !== extracted[field]) Object.assign(kept, { [field]: value });
  }
  Object.assign(meta, extracted, kept);
  if (Object.keys(kept).length === 0) {
    delete meta.edited;
    delete meta.extracted;
  } else {
    meta.edited = kept;
    meta.extracted = extracted;
  }
}

/** What extraction found for the article's details: the record itself when nothing is edited. */
export function extractedDetails(meta: ArticleMeta): ArticleDetails {
  return meta.extracted ?? detailsOf(meta);
}

/** Applies the person's edits; false when they change nothing. */
export function editDetails(meta: ArticleMeta, edits: Partial<ArticleDetails>): false | void {
  const before = JSON.stringify([detailsOf(meta), meta.edited]);
  settle(meta, extractedDetails(meta), { ...meta.edited, ...edits });
  if (JSON.stringify([detailsOf(meta), meta.edited]) === before) return false;
}

/** Puts the named details (all when none are named) back to what extraction found; false when none was edited. */
export function resetDetails(
  meta: ArticleMeta,
  fields: readonly EditableDetail[] = EDITABLE_DETAILS,
): false | void {
  if (!meta.edited || !fields.some((field) => meta.edited?.[field] !== undefined)) return false;
  const edited = { ...meta.edited };
  for (const field of fields) delete edited[field];
  settle(meta, extractedDetails(meta), edited);
}

/** Takes newly extracted details; the person's edits stay on top of them. */
export function takeExtracted(meta: ArticleMeta, extracted: ArticleDetails): void {
  settle(meta, detailsOf(extracted), meta.edited ?? {});
}
