/**
 * Builds segments of the search index (index-segment.ts) on worker threads,
 * one per core (at most MAX_WORKERS), for a rebuild: the index's own thread
 * only merges what they send back, so it keeps answering searches, and the
 * rebuild goes as many times faster as there are cores free.
 *
 * A pool lives for one rebuild: workers start on the first segment asked
 * for and stop at close, so an open library that is not rebuilding holds no
 * threads. Where no worker can run (no worker script in this build, or a
 * worker that fails or dies), segments are built on the calling thread
 * instead, one at a time, yielding between articles: slower, same result.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SerialQueue, yieldToEventLoop } from '../../shared/async';
import { workerScript, type WorkerScript } from '../workers/worker-script';
import { buildSegment, type BuiltSegment, type SegmentItem } from './index-segment';

const MAX_WORKERS = 4;

/** What the pool asks of a worker (index-worker.ts). */
export interface SegmentRequest {
  id: number;
  libraryDir: string;
  items: SegmentItem[];
}

type Reply = { id: number; built: BuiltSegment } | { id: number; error: string };

interface Task {
  request: SegmentRequest;
  resolve: (built: BuiltSegment | null) => void;
}

export interface IndexPoolOptions {
  /** Worker threads at most; one per core (up to MAX_WORKERS) when left out. */
  size?: number;
  /** The workers' script; found beside this module when left out, null to build on this thread. */
  script?: WorkerScript | null;
}

export class IndexPool {
  readonly #size: number;
  #script: WorkerScript | null;
  readonly #queue: Task[] = [];
  readonly #idle: Worker[] = [];
  readonly #running = new Map<Worker, Task>();
  /** Segments built on this thread, one at a time, so their articles are not all read at once. */
  readonly #here = new SerialQueue();
  #nextId = 0;
  #closed = false;

  constructor(options: IndexPoolOptions = {}) {
    this.#size = Math.max(1, options.size ?? Math.min(MAX_WORKERS, availableParallelism()));
    this.#script =
      options.script === undefined ? workerScript(import.meta.url, 'index-worker') : options.script;
  }

  /** How many worker threads are running now. */
  get workers(): number {
    return this.#running.size + this.#idle.length;
  }

  /** The segment of `items`, read from the library folder; null once the pool is closed. */
  build(libraryDir: string, items: SegmentItem[]): Promise<BuiltSegment | null> {
    if (this.#closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      const task = { request: { id: this.#nextId++, libraryDir, items }, resolve };
      if (!this.#script) this.#buildHere(task);
      else {
        this.#queue.push(task);
        this.#dispatch();
      }
    });
  }

  /** Stops every worker; segments not yet built resolve to null. */
  close(): void {
    this.#closed = true;
    for (const task of this.#queue.splice(0)) task.resolve(null);
    for (const [worker, task] of this.#running) {
      task.resolve(null);
      void worker.terminate();
    }
    this.#running.clear();
    for (const worker of this.#idle.splice(0)) void worker.terminate();
  }

  #buildHere(task: Task): void {
    void this.#here.run(async () => {
      if (this.#closed) return task.resolve(null);
      const { libraryDir, items } = task.request;
      task.resolve(await buildSegment(libraryDir, items, yieldToEventLoop));
    });
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? this.#spawn();
      if (!worker) return;
      const task = this.#queue.shift() as Task;
      this.#running.set(worker, task);
      worker.postMessage(task.request);
    }
  }

  #spawn(): Worker | null {
    if (!this.#script || this.#running.size + this.#idle.length >= this.#size) return null;
    const script = this.#script;
    const worker = 'file' in script ? new Worker(script.file) : new Worker(script.code, { eval: true });
    worker.on('message', (reply: Reply) => {
      const task = this.#running.get(worker);
      if (!task || task.request.id !== reply.id) return;
      this.#running.delete(worker);
      if ('built' in reply) task.resolve(reply.built);
      else this.#buildHere(task);
      if (!this.#closed) {
        this.#idle.push(worker);
        this.#dispatch();
      }
    });
    const lost = () => {
      const task = this.#running.get(worker);
      this.#running.delete(worker);
      const idle = this.#idle.indexOf(worker);
      if (idle >= 0) this.#idle.splice(idle, 1);
      if (this.#closed || !task) return;
      // A worker that cannot run (its script does not load) says so by
      // dying; the rest of the rebuild is built here rather than by more
      // workers that would die the same way.
      this.#script = null;
      this.#buildHere(task);
      for (const queued of this.#queue.splice(0)) this.#buildHere(queued);
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    return worker;
  }
}
