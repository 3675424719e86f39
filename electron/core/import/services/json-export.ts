/**
 * The start every JSON export shares: parse, or report the whole file as
 * unreadable with the parser's own words; and small readers that accept
 * the mixed types real exports hold (`"23"` and `608`, `true` and `"1"`).
 */
import { exportedItem, type ExportCollector, type ExportedItem } from './exported-item';

export function parseJson(text: string, collect: ExportCollector): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    collect.problem(undefined, `it is not valid JSON (${(error as Error).message})`);
    return undefined;
  }
}

export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true';
}

export function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter((tag): tag is string => tag !== undefined);
  if (typeof value === 'string') return value.split(',');
  return [];
}

/**
 * Reads a JSON list of objects, starting an item for each from its `url`
 * and `title`; `fill` completes it. Non-objects are reported by number.
 */
export function readJsonItems(
  json: string,
  collect: ExportCollector,
  fill: (item: ExportedItem, raw: Record<string, unknown>) => void,
): void {
  const data = parseJson(json, collect);
  if (data !== undefined && !Array.isArray(data)) collect.problem(undefined, 'it is not a list of items');
  (Array.isArray(data) ? data : []).forEach((entry, index) => {
    const at = `item ${index + 1}`;
    const raw = record(entry);
    if (!raw) return collect.problem(at, 'it is not an object');
    const item = exportedItem(text(raw.url) ?? '', at);
    const title = text(raw.title);
    if (title) item.title = title;
    fill(item, raw);
    collect.add(item);
  });
}
