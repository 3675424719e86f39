/**
 * Runs prepareFile on worker threads, one per core (at most MAX_WORKERS), so
 * a bulk import's pages per second grow with the cores: extraction and
 * sanitizing are pure CPU work on bytes in, an article out. Duplicate checks
 * and writing stay on the calling thread, one at a time (services/import.ts).
 *
 * Workers start on first use and are kept for the next import (one pool per
 * process, shared by every backend), but hold the process open only while
 * they have work, and stop once idle for IDLE_MS: each holds its own DOM
 * libraries, a hundred megabytes and more, which an open library that is
 * not importing should not keep. The worker script sits beside this
 * module: prepare-worker.js in the built app (its own entry in
 * electron.vite.config.ts); when running from source (the command line,
 * benchmarks and tests), that same built script while the build is current
 * (built-worker.ts), as it loads in a fraction of the time, else
 * prepare-worker.ts loaded through tsx. Where none is found, or a worker
 * dies before saying it is ready (its script does not load), files are
 * prepared in-process: slower, same result. A worker that dies later fails
 * only the file it held, with a message naming it.
 *
 * Each file is bounded on its worker (shared/limits.ts): past
 * IMPORT_DEADLINE_MS the worker is terminated, and past
 * IMPORT_WORKER_MEMORY_MB of heap it dies on its own (resourceLimits); either
 * way the file is refused with a sentence naming it and the limit, and a
 * fresh worker takes the next file. Terminating is the only way to stop a
 * parser stuck in a loop: the importers' own caps refuse the bombs we know
 * of quickly, and these two catch the ones we do not. The memory cap covers
 * the JavaScript heap, not the bytes of buffers (a PDF's inflated streams):
 * those are capped by the importers themselves. Files prepared in-process
 * (no worker script) have no such backstop.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileInput } from '../../../shared/api';
import { deserializeError, LecternError, type SerializedError } from '../../../shared/errors';
import { IMPORT_DEADLINE_MS, IMPORT_WORKER_MEMORY_MB } from '../../../shared/limits';
import type { NewArticle } from '../../library/library';
import type { PageWithImages } from '../images/images-by-address';
import {
  sourceWorkerScript as sourceScript,
  workerScript as scriptBeside,
  type WorkerScript,
} from '../../workers/worker-script';
import type { PrepareRequest } from './prepare-request';

const MAX_WORKERS = 4;
const IDLE_MS = 30_000;

/**
 * Prepared once on each warmed worker: loading the DOM libraries and
 * compiling the extraction is most of a cold worker's first file (seconds),
 * against about a tenth of a second once warm.
 */
const WARM_UP_PAGE: FileInput = {
  name: 'warm-up.html',
  type: 'text/html',
  bytes: new TextEncoder().encode(
    `<!doctype html><html lang="en"><head><title>Warm-up</title></head><body><article><h1>Warm-up</h1>${'<p>A few plain sentences, so that every step of an import runs once.</p>'.repeat(8)}<img src="x.png" alt=""></article></body></html>`,
  ),
};

interface Task {
  request: PrepareRequest;
  resolve: (article: NewArticle) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  task: Task | null;
  /** Whether the worker's script has loaded (it says so first thing). */
  ready: boolean;
  /** Set when the pool stops a worker (idle, or over its deadline), so its exit is not taken for a crash. */
  retired: boolean;
  /** Fires when the task has run past the deadline. */
  deadline: ReturnType<typeof setTimeout> | null;
  /** Set by warm: called once the worker is warm, or has a file of its own, or is lost. */
  warmed: (() => void) | null;
}

type Reply = { ready: true } | { id: number; article: NewArticle } | { id: number; error: SerializedError };

/** The worker's script, or null when this build has none (worker-script.ts). */
const workerScript = (): WorkerScript | null => scriptBeside(import.meta.url, 'prepare-worker');

/** The worker's TypeScript source loaded through tsx; the benchmarks time it beside the built one. */
export function sourceWorkerScript(): WorkerScript | null {
  return sourceScript(import.meta.url, 'prepare-worker');
}

/**
 * A request prepared on this thread, where no worker can run. The pipeline
 * is loaded only then, so this module is light to load: the command line
 * starts its workers before loading the rest of itself (cli-start.ts).
 */
async function prepareHere(request: PrepareRequest): Promise<NewArticle> {
  const [{ prepareFile }, { prepareOptions }] = await Promise.all([
    import('../pipeline/import-file'),
    import('./prepare-request'),
  ]);
  return prepareFile(request.file, prepareOptions(request));
}

export interface PoolOptions {
  /** The workers' script (tests give their own); found beside this module when left out. */
  script?: WorkerScript | null;
  idleMs?: number;
  /** How long one file may take on a worker before it is stopped (tests shorten it). */
  deadlineMs?: number;
  /** The heap one worker may use, in megabytes. */
  memoryMb?: number;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}

export class PreparePool {
  readonly size: number;
  readonly #idleMs: number;
  readonly #deadlineMs: number;
  readonly #memoryMb: number;
  /** undefined until first use; null when files are prepared in-process. */
  #script: WorkerScript | null | undefined;
  #slots: Slot[] = [];
  #queue: Task[] = [];
  #nextId = 0;
  #idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Until then (a time in ms), idle workers are kept: see warm. */
  #warmUntil = 0;

  constructor(size = Math.min(MAX_WORKERS, availableParallelism()), options: PoolOptions = {}) {
    this.size = Math.max(1, size);
    this.#script = options.script;
    this.#idleMs = options.idleMs ?? IDLE_MS;
    this.#deadlineMs = options.deadlineMs ?? IMPORT_DEADLINE_MS;
    this.#memoryMb = options.memoryMb ?? IMPORT_WORKER_MEMORY_MB;
  }

  /** How many worker threads are running now. */
  get workers(): number {
    return this.#slots.length;
  }

  /**
   * Starts up to `count` workers now and has each prepare a small page, so
   * that the next file does not wait for one to load; idle workers are then
   * kept for `keepMs` rather than the usual IDLE_MS. A window calls it once
   * it has painted (the first drop comes soon after a start), the command
   * line before it reads its files. Resolves once they are warm.
   */
  async warm(count: number, keepMs = this.#idleMs): Promise<void> {
    if (this.#script === undefined) this.#script = workerScript();
    if (!this.#script) return;
    this.#warmUntil = Math.max(this.#warmUntil, Date.now() + keepMs);
    // The warm-up page is sent once a worker has loaded, and only if no file
    // came first: a file that arrives meanwhile takes the loading worker
    // rather than starting another cold one beside it.
    const warmed: Promise<void>[] = [];
    for (let i = this.#slots.length; i < Math.min(count, this.size); i++) {
      const slot = this.#spawn();
      if (!slot) break;
      slot.worker.unref();
      warmed.push(new Promise((resolve) => (slot.warmed = resolve)));
    }
    this.#dispatch();
    await Promise.all(warmed);
    // Kept from now, not from the call: on a slow start the keep would end before the workers are up.
    this.#warmUntil = Math.max(this.#warmUntil, Date.now() + keepMs);
    this.#dispatch();
  }

  /** Has a freshly loaded worker that no file is waiting for prepare the warm-up page. */
  #warmUp(slot: Slot): void {
    const done = () => {
      slot.warmed?.();
      slot.warmed = null;
    };
    const request: PrepareRequest = {
      id: this.#nextId++,
      file: WARM_UP_PAGE,
      related: new Map(),
      fetchWebImages: false,
      localImageHosts: [],
    };
    // A warm-up that fails changes nothing: the next file gets a fresh worker.
    this.#run(slot, { request, resolve: done, reject: done });
  }

  /**
   * prepareFile for a dropped file and the files that came with it, or for a
   * clipped page and its images (`page`), on a worker when there is one.
   */
  prepare(
    file: FileInput,
    related: Map<string, Uint8Array>,
    fetchWebImages = false,
    localImageHosts: readonly string[] = [],
    page?: PageWithImages,
  ): Promise<NewArticle> {
    if (this.#script === undefined) this.#script = workerScript();
    const request: PrepareRequest = {
      id: this.#nextId++,
      file,
      related,
      fetchWebImages,
      localImageHosts,
      ...(page && { page }),
    };
    if (!this.#script) return prepareHere(request);
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    if (this.#idleTimer) clearTimeout(this.#idleTimer);
    this.#idleTimer = null;
    // A worker running its warm-up page is free sooner than a new one could
    // load, and a new one would take the cores it needs: files wait for it.
    const warmingUp = this.#slots.some((candidate) => candidate.task?.request.file === WARM_UP_PAGE);
    while (this.#queue.length > 0) {
      const slot = this.#slots.find((candidate) => !candidate.task) ?? (warmingUp ? null : this.#spawn());
      if (!slot) return;
      this.#run(slot, this.#queue.shift() as Task);
    }
    if (this.#slots.every((slot) => !slot.task)) {
      const wait = Math.max(this.#idleMs, this.#warmUntil - Date.now());
      this.#idleTimer = setTimeout(() => this.#retireIdle(), wait);
      this.#idleTimer.unref();
    }
  }

  #run(slot: Slot, task: Task): void {
    slot.task = task;
    if (slot.ready) this.#startClock(slot);
    slot.worker.ref();
    slot.worker.postMessage(task.request);
  }

  #retireIdle(): void {
    // A worker still loading for warm is not idle: warm sets the clock again once it is up.
    for (const slot of this.#slots.filter((candidate) => !candidate.task && !candidate.warmed)) {
      slot.retired = true;
      void slot.worker.terminate();
    }
    this.#slots = this.#slots.filter((slot) => !slot.retired);
  }

  /** Starts the task's deadline once its worker has loaded: a slow start is not the file's doing. */
  #startClock(slot: Slot): void {
    slot.deadline = setTimeout(() => this.#overrun(slot), this.#deadlineMs);
  }

  /** Stops a worker whose file has run past the deadline, refusing the file; the next file gets a fresh worker. */
  #overrun(slot: Slot): void {
    const task = slot.task;
    if (!task) return;
    this.#stop(slot);
    task.reject(
      new LecternError(
        'too-large',
        `${task.request.file.name} took longer than ${seconds(this.#deadlineMs)} to read and was stopped. Nothing was saved.`,
      ),
    );
    this.#dispatch();
  }

  /** Takes a slot out of the pool and ends its worker, whose exit is then expected. */
  #stop(slot: Slot): void {
    if (slot.deadline) clearTimeout(slot.deadline);
    slot.task = null;
    slot.retired = true;
    this.#slots = this.#slots.filter((other) => other !== slot);
    void slot.worker.terminate();
  }

  #spawn(): Slot | null {
    if (this.#slots.length >= this.size || !this.#script) return null;
    const script = this.#script;
    const resourceLimits = { maxOldGenerationSizeMb: this.#memoryMb };
    // A built script is plain JavaScript: it is not given the process's own
    // flags, as `--import tsx` would have every module it loads pass
    // through tsx's hooks (a second and more a worker).
    const worker =
      'file' in script
        ? new Worker(script.file, { resourceLimits, execArgv: [] })
        : new Worker(script.code, { eval: true, resourceLimits });
    const slot: Slot = { worker, task: null, ready: false, retired: false, deadline: null, warmed: null };
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        slot.ready = true;
        if (!slot.task && slot.warmed) return this.#warmUp(slot);
        // A file that came while the worker loaded warms it as well as a warm-up would.
        slot.warmed?.();
        slot.warmed = null;
        if (slot.task) this.#startClock(slot);
        return;
      }
      const task = slot.task;
      if (!task || task.request.id !== reply.id) return;
      if (slot.deadline) clearTimeout(slot.deadline);
      slot.task = null;
      worker.unref();
      if ('error' in reply) task.reject(deserializeError(reply.error));
      else task.resolve(reply.article);
      this.#dispatch();
    });
    const lost = (error: LecternError) => {
      slot.warmed?.();
      slot.warmed = null;
      if (slot.retired) return;
      const task = slot.task;
      this.#stop(slot);
      if (task && !slot.ready) {
        // The script itself does not load here: prepare in-process from now on.
        this.#script = null;
        for (const { request, resolve, reject } of [task, ...this.#queue.splice(0)])
          prepareHere(request).then(resolve, reject);
        return;
      }
      task?.reject(error);
      this.#dispatch();
    };
    worker.on('error', (error: Error & { code?: string }) => {
      const name = slot.task?.request.file.name ?? '';
      lost(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new LecternError(
              'too-large',
              `${name} needed more than the ${this.#memoryMb} MB of memory Lectern gives one file, and was stopped. Nothing was saved.`,
            )
          : this.#crashed(name, error.message),
      );
    });
    worker.on('exit', (code) => lost(this.#crashed(slot.task?.request.file.name ?? '', `exit code ${code}`)));
    this.#slots.push(slot);
    return slot;
  }

  #crashed(name: string, reason: string): LecternError {
    return new LecternError(
      'extraction-failed',
      `${name} could not be imported: the import worker stopped (${reason}).`,
    );
  }
}

/** The process's one pool: workers hold no state, so every backend opened here shares them. */
export const preparePool = new PreparePool();
