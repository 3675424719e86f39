/**
 * The summary an import leaves in the window: the specs check what it says
 * line by line, each line waited for, as a person reads it.
 */
import { expect, type Page } from '@playwright/test';

/** Waits until the import summary says each of `lines`, and gives it. */
export async function expectImportSummary(page: Page, lines: string[]) {
  const summary = page.getByTestId('import-summary');
  for (const line of lines) await expect(summary).toContainText(line);
  return summary;
}
