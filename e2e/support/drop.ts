/**
 * Drops files on the window the way a person's drag does: a DataTransfer
 * holding File objects, carried by dragenter, dragover and drop events.
 */
import type { JSHandle, Page } from '@playwright/test';

export interface DroppedFile {
  name: string;
  mimeType: string;
  content: string | Uint8Array;
}

/** Carries a DataTransfer over the window (dragenter, dragover); the drop is left to the caller. */
async function dragOver(page: Page, dataTransfer: JSHandle<DataTransfer>) {
  const body = page.locator('body');
  await body.dispatchEvent('dragenter', { dataTransfer });
  await body.dispatchEvent('dragover', { dataTransfer });
  return {
    drop: () => body.dispatchEvent('drop', { dataTransfer }),
  };
}

export async function dragFilesOver(page: Page, files: DroppedFile[]) {
  const payload = files.map((file) => ({
    name: file.name,
    mimeType: file.mimeType,
    base64: Buffer.from(file.content).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.mimeType }));
    }
    return transfer;
  }, payload);
  return dragOver(page, dataTransfer);
}

export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const drag = await dragFilesOver(page, files);
  await drag.drop();
}

/**
 * Drops folders the way Chromium hands them over: each top-level item gives a
 * FileSystemEntry tree through webkitGetAsEntry(). A DataTransfer built in a
 * page has no entries (Chromium fills them only for real drags from the
 * desktop), so the items here carry entries with the same interface.
 */
export async function dropTree(
  page: Page,
  files: (Omit<DroppedFile, 'name'> & { path: string })[],
): Promise<void> {
  const payload = files.map((file) => ({
    path: file.path,
    mimeType: file.mimeType,
    base64: Buffer.from(file.content).toString('base64'),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    type Node = { name: string; file?: File; children?: Map<string, Node> };
    const root: Node = { name: '', children: new Map() };
    for (const item of items) {
      const parts = item.path.split('/');
      let node = root;
      for (const part of parts.slice(0, -1)) {
        if (!node.children?.has(part)) node.children?.set(part, { name: part, children: new Map() });
        node = node.children?.get(part) as Node;
      }
      const name = parts[parts.length - 1] as string;
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      node.children?.set(name, { name, file: new File([bytes], name, { type: item.mimeType }) });
    }
    const entry = (node: Node): unknown =>
      node.file
        ? {
            isFile: true,
            isDirectory: false,
            name: node.name,
            file: (ok: (f: File) => void) => ok(node.file as File),
          }
        : {
            isFile: false,
            isDirectory: true,
            name: node.name,
            createReader: () => {
              let done = false;
              return {
                readEntries: (ok: (entries: unknown[]) => void) => {
                  const entries = done ? [] : [...(node.children?.values() ?? [])].map(entry);
                  done = true;
                  setTimeout(() => ok(entries));
                },
              };
            },
          };
    // Chromium gives each item a fresh wrapper, so the entries are looked up
    // by the top-level name from a patched webkitGetAsEntry.
    const byName = new Map([...(root.children?.values() ?? [])].map((top) => [top.name, entry(top)]));
    const proto = DataTransferItem.prototype;
    const original = proto.webkitGetAsEntry;
    proto.webkitGetAsEntry = function (this: DataTransferItem) {
      const file = this.getAsFile();
      return ((file && byName.get(file.name)) ?? original.call(this)) as FileSystemEntry | null;
    };
    const transfer = new DataTransfer();
    for (const top of root.children?.values() ?? []) {
      // A dropped folder shows as an empty file in the list, as in Chromium.
      transfer.items.add(top.file ?? new File([], top.name));
    }
    return transfer;
  }, payload);
  await (await dragOver(page, dataTransfer)).drop();
}

/** Drops strings (a link, a selection) as a browser drag carries them: one entry per MIME type. */
export async function dropData(page: Page, data: Record<string, string>): Promise<void> {
  const dataTransfer = await page.evaluateHandle((entries) => {
    const transfer = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) transfer.setData(type, value);
    return transfer;
  }, data);
  await (await dragOver(page, dataTransfer)).drop();
}

/** Pastes strings as Ctrl/Cmd+V would: a paste event whose clipboardData holds them. */
export async function paste(page: Page, data: Record<string, string>): Promise<void> {
  await page.evaluate((entries) => {
    const clipboardData = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) clipboardData.setData(type, value);
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }),
    );
  }, data);
}
