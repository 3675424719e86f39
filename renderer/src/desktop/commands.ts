/**
 * Routes the desktop app's menu commands (shared/desktop-commands.ts) to
 * whichever part of the UI handles them. Features register a handler for
 * their command; a command nobody handles is ignored, which is also what
 * happens in the browser shell, where no menus exist.
 */
import type { DesktopBridge, DesktopCommand, DesktopCommandType } from '@shared/desktop-commands';

type HandlerOf<T extends DesktopCommandType> = (command: Extract<DesktopCommand, { type: T }>) => void;

export class DesktopCommands {
  readonly #handlers = new Map<DesktopCommandType, (command: DesktopCommand) => void>();

  /** Handles `type` from now on (replacing an earlier handler); returns the function that stops it. */
  on<T extends DesktopCommandType>(type: T, handler: HandlerOf<T>): () => void {
    const wrapped = handler as (command: DesktopCommand) => void;
    this.#handlers.set(type, wrapped);
    return () => {
      if (this.#handlers.get(type) === wrapped) this.#handlers.delete(type);
    };
  }

  run(command: DesktopCommand): void {
    this.#handlers.get(command.type)?.(command);
  }

  /** Listens to the preload's bridge, when there is one (Electron only). */
  connect(bridge: DesktopBridge | undefined): () => void {
    return bridge ? bridge.onCommand((command) => this.run(command)) : () => {};
  }
}

export const desktopCommands = new DesktopCommands();
