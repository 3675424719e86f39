/**
 * Dates as other apps write them: Unix time in seconds, milliseconds or
 * microseconds (told apart by magnitude, as bookmark files mix them),
 * Chrome's microseconds since 1601, and ISO-like strings with `Z`, `+00:00`,
 * `+0200` or a space for the `T`. A date outside the years 1970–2200 is
 * treated as unreadable rather than stored: an importer that invents a date
 * destroys the order a person's library had.
 */

const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(2200, 0, 1);
/** Milliseconds between 1601-01-01 and 1970-01-01. */
const WINDOWS_EPOCH_OFFSET_MS = 11_644_473_600_000;

function plausible(ms: number): number | undefined {
  return Number.isFinite(ms) && ms > EARLIEST && ms < LATEST ? Math.round(ms) : undefined;
}

/** A Unix time whose unit is guessed from its size: seconds, then milliseconds, then microseconds. */
export function unixTime(value: string | number | undefined | null): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(number) || number <= 0) return undefined;
  for (const scale of [1000, 1, 1 / 1000]) {
    const ms = plausible(number * scale);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** Chrome's `date_added`: microseconds since 1601-01-01, as a string. */
export function chromeTime(value: unknown): number | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value).trim();
  if (!/^\d{1,20}$/.test(text)) return undefined;
  return plausible(Number(BigInt(text) / 1000n) - WINDOWS_EPOCH_OFFSET_MS);
}

/** An ISO-like date string, or a Unix time written as digits. */
export function textDate(value: unknown): number | undefined {
  if (typeof value === 'number') return unixTime(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return unixTime(text);
  const normal = text
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
    .replace(/(\.\d{3})\d+/, '$1')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return plausible(Date.parse(normal));
}
