/**
 * A jump to a heading that stays where it landed while the page settles.
 * Scrolling once is not enough in a long article: images without stated
 * sizes arrive after the jump and push the text above the heading down,
 * blocks laid out only near the viewport (content-visibility) take their real
 * height, and fonts swap in. So after the jump the heading is kept pinned
 * under the reader's bar: each time the content's size changes it is brought
 * back. The pin holds for a few seconds after the last change (capped, so a
 * page that never stops moving cannot hold the scroll forever), and lets go at
 * once when the person scrolls, types or presses: their own scroll wins.
 */
import { settleScroll } from './settle-scroll';

/** How long the pin holds after the jump or the content's last change. */
const HOLD_MS = 4000;
/** The longest a pin holds, however much the content keeps changing. */
const MAX_MS = 15000;
/** What the person does to scroll or act on the page: the pin lets go. */
const PERSON_EVENTS = ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const;

export class PinnedJump {
  #release: (() => void) | null = null;
  readonly #content: () => Element | undefined;
  readonly #top: () => number;

  /** `content` is observed for changes of size; `top` is the viewport y a heading lands at. */
  constructor(content: () => Element | undefined, top: () => number) {
    this.#content = content;
    this.#top = top;
  }

  /** Brings `target` to the top, below the bar, and keeps it there while the page settles. */
  jump(target: Element): void {
    this.stop();
    const offBy = () => target.getBoundingClientRect().top - this.#top();
    settleScroll(offBy);
    const started = performance.now();
    let timer = 0;
    const holdOn = () => {
      clearTimeout(timer);
      const left = Math.min(HOLD_MS, started + MAX_MS - performance.now());
      timer = window.setTimeout(() => this.stop(), Math.max(0, left));
    };
    const realign = () => {
      // The reader was left: the heading is gone, and the page is another view's.
      if (!target.isConnected) return this.stop();
      const by = offBy();
      if (Math.abs(by) >= 1) window.scrollBy(0, by);
      holdOn();
    };
    const observer = new ResizeObserver(realign);
    const content = this.#content();
    if (content) observer.observe(content);
    const stop = () => this.stop();
    for (const type of PERSON_EVENTS) window.addEventListener(type, stop, { capture: true, passive: true });
    document.fonts.addEventListener('loadingdone', realign);
    holdOn();
    this.#release = () => {
      clearTimeout(timer);
      observer.disconnect();
      for (const type of PERSON_EVENTS) window.removeEventListener(type, stop, { capture: true });
      document.fonts.removeEventListener('loadingdone', realign);
    };
  }

  /** Lets go of the heading, if one is pinned. */
  stop(): void {
    this.#release?.();
    this.#release = null;
  }
}
