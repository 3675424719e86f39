import type { NoteEdit, NoteSaved } from '@shared/api';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BOTH_SEPARATOR, joinNotes, NoteDraft } from './note-draft.svelte';
import { itReturns } from '@shared/testing/returns';

/** One window's localStorage: the drafts of its note editors. */
class MemoryStorage {
  readonly #items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  get size(): number {
    return this.#items.size;
  }
}

/** The backend's side of a note: written only over the text an edit was made on. */
class StoredNote {
  saves = 0;
  constructor(public text = '') {}
  save = (edit: NoteEdit): Promise<NoteSaved> => {
    this.saves++;
    if (this.text === edit.text) return Promise.resolve({ saved: true });
    if (this.text !== edit.base) return Promise.resolve({ saved: false, theirs: this.text });
    this.text = edit.text;
    return Promise.resolve({ saved: true });
  };
}

let storage: MemoryStorage;

beforeEach(() => {
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Two windows on one note: each its own drafts, one backend between them. */
function twoWindows(stored: StoredNote) {
  const a = new NoteDraft('a1:note', stored.text, stored.save);
  const storageA = storage;
  storage = new MemoryStorage();
  vi.stubGlobal('localStorage', storage);
  const b = new NoteDraft('a1:note', stored.text, stored.save);
  const storageB = storage;
  return {
    a,
    b,
    /** Runs `act` as window `which`, with that window's localStorage. */
    async in(which: 'a' | 'b', act: (draft: NoteDraft) => unknown) {
      vi.stubGlobal('localStorage', which === 'a' ? storageA : storageB);
      await act(which === 'a' ? a : b);
    },
    storageA,
  };
}

/** Two windows on an empty note: A has typed and not yet saved when B saves. */
async function clash() {
  const stored = new StoredNote('');
  const windows = twoWindows(stored);
  await windows.in('a', (a) => a.type('from A'));
  await windows.in('b', async (b) => {
    b.type('from B');
    await b.flush();
  });
  return { stored, windows };
}

describe('NoteDraft', () => {
  it('shows what another window saved while it holds nothing unsaved', async () => {
    const stored = new StoredNote('first');
    const windows = twoWindows(stored);
    await windows.in('b', async (b) => {
      b.type('from B');
      await b.flush();
    });
    await windows.in('a', (a) => a.follow(stored.text));
    expect(windows.a.text).toBe('from B');
    // A writes over what it now shows, with no conflict.
    await windows.in('a', async (a) => {
      a.type('from A');
      await a.flush();
    });
    expect(stored.text).toBe('from A');
    expect(windows.a.conflict).toBeNull();
  });

  it('follows a save made elsewhere though that window’s draft is in the storage both share', () => {
    const a = new NoteDraft('a1:note', '', () => Promise.resolve({ saved: true }));
    const b = new NoteDraft('a1:note', '', () => new Promise<NoteSaved>(() => undefined));
    b.type('from B');
    // The backend announces B's save before B hears its answer.
    a.follow('from B');
    expect(a.text).toBe('from B');
  });

  it('keeps unsaved words on screen when another window saves, and asks on its own save', async () => {
    const { stored, windows } = await clash();
    await windows.in('a', async (a) => {
      a.follow(stored.text);
      expect(a.text).toBe('from A');
      await a.flush();
    });
    expect(stored.text).toBe('from B');
    expect(windows.a.conflict).toEqual({ mine: 'from A', theirs: 'from B' });
    expect(windows.a.saveState).toBe('conflict');
    // The refused words are still kept as a draft, should the window close now.
    expect(windows.storageA.getItem('lectern-draft:a1:note')).toBe('from A');
  });

  it.each([
    ['mine', 'from A'],
    ['theirs', 'from B'],
    ['both', `from A${BOTH_SEPARATOR}from B`],
  ] as const)('keeps %s when the person chooses it', async (choice, kept) => {
    const { stored, windows } = await clash();
    await windows.in('a', async (a) => {
      await a.flush();
      await a.choose(choice);
    });
    expect(stored.text).toBe(kept);
    expect(windows.a).toMatchObject({ text: kept, conflict: null, saveState: 'saved' });
    expect(windows.storageA.size).toBe(0);
    // Settled: the window follows the next save made elsewhere again.
    stored.text = 'later, from B';
    await windows.in('a', (a) => a.follow(stored.text));
    expect(windows.a.text).toBe('later, from B');
  });

  it('saves a draft a closed window left, over the text it was written on', async () => {
    const stored = new StoredNote('before');
    const first = new NoteDraft('a1:note', stored.text, () => new Promise<NoteSaved>(() => undefined));
    first.type('typed, then the window closed');
    void first.flush();
    const reopened = new NoteDraft('a1:note', stored.text, stored.save);
    await reopened.flush();
    expect(stored.text).toBe('typed, then the window closed');
    expect(storage.size).toBe(0);
  });

  it('asks, rather than overwrites, when a closed window’s draft was written on an older note', async () => {
    const stored = new StoredNote('before');
    const first = new NoteDraft('a1:note', stored.text, () => new Promise<NoteSaved>(() => undefined));
    first.type('typed, then the window closed');
    void first.flush();
    stored.text = 'saved elsewhere meanwhile';
    const reopened = new NoteDraft('a1:note', stored.text, stored.save);
    expect(reopened.text).toBe('typed, then the window closed');
    await reopened.flush();
    expect(stored.text).toBe('saved elsewhere meanwhile');
    expect(reopened.conflict).toEqual({
      mine: 'typed, then the window closed',
      theirs: 'saved elsewhere meanwhile',
    });
  });
});

describe('joinNotes', () => {
  itReturns(joinNotes, 'joins %o', [
    [{ mine: 'a', theirs: 'b' }, `a${BOTH_SEPARATOR}b`],
    [{ mine: 'a\n\n', theirs: '\nb' }, `a${BOTH_SEPARATOR}b`],
    [{ mine: '  ', theirs: 'b' }, 'b'],
    [{ mine: 'a', theirs: '' }, 'a'],
  ]);
});
