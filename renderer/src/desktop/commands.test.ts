import type { DesktopCommand } from '@shared/desktop-commands';
import { describe, expect, it, vi } from 'vitest';
import { DesktopCommands } from './commands';

describe('DesktopCommands', () => {
  it('runs the handler registered for a command’s type, and only that one', () => {
    const commands = new DesktopCommands();
    const sidebar = vi.fn();
    const shortcuts = vi.fn();
    commands.on('toggle-sidebar', sidebar);
    commands.on('show-shortcuts', shortcuts);
    commands.run({ type: 'toggle-sidebar' });
    expect(sidebar).toHaveBeenCalledWith({ type: 'toggle-sidebar' });
    expect(shortcuts).not.toHaveBeenCalled();
  });

  it('ignores a command nobody handles, and one whose handler stopped', () => {
    const commands = new DesktopCommands();
    const handler = vi.fn();
    const stop = commands.on('show-shortcuts', handler);
    stop();
    expect(() => commands.run({ type: 'show-shortcuts' })).not.toThrow();
    expect(handler).not.toHaveBeenCalled();
  });

  it('receives commands from the preload bridge until disconnected', () => {
    let deliver: ((command: DesktopCommand) => void) | null = null;
    const bridge = {
      onCommand: (listener: (command: DesktopCommand) => void) => {
        deliver = listener;
        return () => (deliver = null);
      },
    };
    const commands = new DesktopCommands();
    const report = vi.fn();
    commands.on('import-report', report);
    const disconnect = commands.connect(bridge);
    deliver!({ type: 'import-report', outcomes: [] });
    disconnect();
    expect(deliver).toBeNull();
    expect(report).toHaveBeenCalledWith({ type: 'import-report', outcomes: [] });
  });

  it('does nothing without a bridge (the browser shell)', () => {
    expect(() => new DesktopCommands().connect(undefined)()).not.toThrow();
  });
});
