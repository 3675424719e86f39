import { describe, expect, it } from 'vitest';
import { UnconfirmedPlace } from './unconfirmed-place';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('UnconfirmedPlace', () => {
  it('answers the place being saved until the backend confirms it, then the stored one', async () => {
    const place = new UnconfirmedPlace('a1', memoryStorage());
    let confirm: (value: boolean) => void = () => undefined;
    const saving = place.saveThrough(0.4, () => new Promise<boolean>((resolve) => (confirm = resolve)));
    expect(place.or(0.1)).toBe(0.4);
    confirm(true);
    expect(await saving).toBe(true);
    expect(place.or(0.1)).toBe(0.1);
  });

  it('keeps a later place when an earlier save is confirmed after it was taken', async () => {
    const storage = memoryStorage();
    const place = new UnconfirmedPlace('a1', storage);
    let confirmFirst: () => void = () => undefined;
    const first = place.saveThrough(0.2, () => new Promise<void>((resolve) => (confirmFirst = resolve)));
    const second = place.saveThrough(0.6, () => new Promise<void>(() => undefined));
    confirmFirst();
    await first;
    expect(place.or(0)).toBe(0.6);
    expect(new UnconfirmedPlace('other', storage).or(0.3)).toBe(0.3);
    void second;
  });
});
