/**
 * Runs `callback` once the next frame has been painted. A frame callback
 * (requestAnimationFrame) runs just before that frame is rendered, and a task
 * posted from it runs after. The task is posted at user-blocking priority
 * (the Prioritized Task Scheduling API, in Chromium since 94) so that it runs
 * right after the frame, not behind the tasks the frame queued itself: a
 * reader frame that brings 15 blocks into view queues 15
 * `contentvisibilityautostatechange` events, about 30 ms of tasks on a slow
 * machine, before a plain setTimeout would run.
 */
interface TaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-blocking' }): Promise<void>;
}

export function afterNextPaint(callback: () => void): void {
  requestAnimationFrame(() => {
    const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
    if (scheduler) void scheduler.postTask(callback, { priority: 'user-blocking' });
    else setTimeout(callback);
  });
}
