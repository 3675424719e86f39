/**
 * Drops files on the window the way a person's drag does: a DataTransfer
 * holding File objects, carried by dragenter, dragover and drop events.
 */
import type { Page } from '@playwright/test';

export interface DroppedFile {
  name: string;
  mimeType: string;
  content: string | Uint8Array;
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
  const body = page.locator('body');
  await body.dispatchEvent('dragenter', { dataTransfer });
  await body.dispatchEvent('dragover', { dataTransfer });
  return {
    drop: () => body.dispatchEvent('drop', { dataTransfer }),
  };
}

export async function dropFiles(page: Page, files: DroppedFile[]): Promise<void> {
  const drag = await dragFilesOver(page, files);
  await drag.drop();
}
