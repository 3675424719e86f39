/**
 * Where the side panel is and whether it is open. Wide windows keep the panel
 * beside the text, as the person last left it (a setting, so it lasts);
 * narrow ones show it as a drawer over the text, closed until asked for, and
 * one thing at a time over the text: the drawer or the find bar.
 */

export interface PanelOptions {
  /** True while the window is wide enough for the panel beside the text. */
  isWide: () => boolean;
  /** Whether the panel is open beside the text, as last left. */
  openBeside: () => boolean;
  /** Stores `openBeside`. */
  setOpenBeside: (open: boolean) => void;
  /** Closes the find bar, which a narrow window's drawer would cover. */
  closeFind: () => void;
}

export class PanelPlace {
  wide = $state(false);
  drawerOpen = $state(false);
  readonly open: boolean = $derived.by(() => (this.wide ? this.#options.openBeside() : this.drawerOpen));
  readonly #options: PanelOptions;

  constructor(options: PanelOptions) {
    this.#options = options;
    this.wide = options.isWide();
  }

  show(open: boolean): void {
    if (this.wide) this.#options.setOpenBeside(open);
    else {
      this.drawerOpen = open;
      if (open) this.#options.closeFind();
    }
  }

  /** The window was resized: wide or narrow again. */
  measure(): void {
    this.wide = this.#options.isWide();
  }

  /** The find bar opens: a narrow window's drawer closes, so that the matches can be seen. */
  makeWayForFind(): void {
    this.drawerOpen = false;
  }
}
