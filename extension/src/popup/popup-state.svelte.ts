/**
 * The popup's state: which tab it acts on (fixed when it opens: from
 * `?tab=<id>` when a test or a page opens it so, else the active tab at
 * that moment), whether Lectern is there and paired, the pairing code while
 * Lectern's window asks, the person's choices, and the outcome. Every action
 * is a call to the background, which keeps working if the popup closes.
 */
import { ext } from '../browser-api';
import type { AllTabsOutcome, ClipOptions, ClipOutcome, ClipperStatus } from '../messages';
import { callBackground } from './background-client';

const PAIR_POLL_MS = 1_000;

export type Result = { kind: 'one'; outcome: ClipOutcome } | { kind: 'all'; outcome: AllTabsOutcome };

async function tabToActOn(): Promise<number | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return named;
  const [active] = await ext.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

export class PopupState {
  status = $state<ClipperStatus | null>(null);
  pairing = $state<{ code: string; pairingId: string } | null>(null);
  problem = $state<string | null>(null);
  suggestions = $state.raw<string[]>([]);
  tags = $state<string[]>([]);
  clipState = $state<'inbox' | 'archive'>('inbox');
  note = $state('');
  busy = $state(false);
  result = $state<Result | null>(null);
  #timer: ReturnType<typeof setInterval> | undefined;

  readonly needsPairing = $derived(this.status?.lectern === 'running' && !this.status.paired);

  #tabId: number | null = null;

  /**
   * Shows where things stand, then offers the waiting clips to Lectern and
   * shows where they stand after: a clip Lectern refuses appears in the list.
   */
  async load(): Promise<void> {
    this.#tabId = await tabToActOn();
    await this.refresh();
    if (this.status?.lectern === 'running' && this.status.paired) {
      this.suggestions = await callBackground({ call: 'tags' });
      if (this.status.waiting > 0) {
        await callBackground({ call: 'flush' });
        await this.refresh();
      }
    }
  }

  async refresh(): Promise<void> {
    this.status = await callBackground({ call: 'status', tabId: this.#tabId });
  }

  /** Sends a refused clip again; its outcome shows as a fresh clip's would. */
  async retry(requestId: string): Promise<void> {
    await this.#run(async () => ({
      kind: 'one',
      outcome: await callBackground({ call: 'retry-refused', requestId }),
    }));
  }

  async discard(requestId: string): Promise<void> {
    await callBackground({ call: 'discard-refused', requestId });
    await this.refresh();
  }

  async pair(): Promise<void> {
    this.problem = null;
    const started = await callBackground({ call: 'pair-start' });
    if ('error' in started) {
      this.problem = started.error;
      return;
    }
    this.pairing = started;
    clearInterval(this.#timer);
    this.#timer = setInterval(() => void this.#checkPairing(started.pairingId), PAIR_POLL_MS);
  }

  async #checkPairing(pairingId: string): Promise<void> {
    const step = await callBackground({ call: 'pair-status', pairingId });
    if ('status' in step && step.status === 'pending') return;
    clearInterval(this.#timer);
    this.pairing = null;
    if ('error' in step) this.problem = step.error;
    else if (step.status === 'denied') this.problem = 'Lectern’s window said no: this browser is not paired.';
    else if (step.status === 'expired')
      this.problem = 'The request lapsed before it was answered. Try again.';
    else await this.load();
  }

  addTag(name: string): void {
    const tag = name.trim();
    if (tag !== '' && !this.tags.includes(tag)) this.tags = [...this.tags, tag];
  }

  removeTag(name: string): void {
    this.tags = this.tags.filter((tag) => tag !== name);
  }

  #options(): ClipOptions {
    return { tags: $state.snapshot(this.tags), state: this.clipState, note: this.note };
  }

  async #run(work: () => Promise<Result>): Promise<void> {
    this.busy = true;
    try {
      this.result = await work();
      await this.refresh();
    } finally {
      this.busy = false;
    }
  }

  save(kind: 'page' | 'selection'): Promise<void> {
    const tab = this.status?.tab;
    if (!tab) return Promise.resolve();
    return this.#run(async () => ({
      kind: 'one',
      outcome: await callBackground({
        call: kind === 'page' ? 'save-page' : 'save-selection',
        tabId: tab.id,
        options: this.#options(),
      }),
    }));
  }

  saveAllTabs(): Promise<void> {
    const tab = this.status?.tab;
    if (!tab) return Promise.resolve();
    return this.#run(async () => ({
      kind: 'all',
      outcome: await callBackground({
        call: 'save-all-tabs',
        windowId: tab.windowId,
        options: this.#options(),
      }),
    }));
  }
}
