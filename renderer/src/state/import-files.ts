/**
 * Hands dropped or chosen files to the backend and tells the person what
 * happened. Files over the size limit are refused here, before they are read
 * into memory; the rest go in batches small enough for one request each.
 */
import type { FileInput, ImportOutcome } from '@shared/api';
import { fileTooLarge, MAX_IMPORT_BYTES } from '@shared/limits';
import { api } from '../api/client';
import { notices } from './notices.svelte';
import { router } from './router.svelte';

const BATCH_BYTES = 32 * 1024 * 1024;

function batches(files: File[]): File[][] {
  const result: File[][] = [];
  let current: File[] = [];
  let size = 0;
  for (const file of files) {
    if (current.length > 0 && size + file.size > BATCH_BYTES) {
      result.push(current);
      current = [];
      size = 0;
    }
    current.push(file);
    size += file.size;
  }
  if (current.length > 0) result.push(current);
  return result;
}

async function read(file: File): Promise<FileInput> {
  return { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Tells the person what an import did: dropped files here, files the desktop app imported (desktop/commands.ts). */
export function reportOutcomes(outcomes: ImportOutcome[]): void {
  const imported = outcomes.filter((outcome) => outcome.status === 'imported');
  const failed = outcomes.filter((outcome) => outcome.status === 'failed');
  if (imported.length > 0) {
    const [first] = imported;
    notices.show({
      tone: 'success',
      title: imported.length === 1 ? 'Added to your library' : `Added ${imported.length} articles`,
      lines: imported.length === 1 && first ? [first.article.title] : [],
      action:
        imported.length === 1 && first
          ? { label: 'Read now', run: () => router.openArticle(first.article.id) }
          : undefined,
    });
  }
  if (failed.length > 0) {
    notices.show({
      tone: 'error',
      title:
        failed.length === 1 ? 'One file could not be added' : `${failed.length} files could not be added`,
      lines: failed.map((outcome) => outcome.error.message),
    });
  }
}

export async function importFiles(files: File[]): Promise<void> {
  const outcomes: ImportOutcome[] = [];
  const readable: File[] = [];
  for (const file of files) {
    if (file.size > MAX_IMPORT_BYTES) {
      outcomes.push({
        status: 'failed',
        input: file.name,
        error: fileTooLarge(file.name, file.size).toJSON(),
      });
    } else {
      readable.push(file);
    }
  }
  for (const batch of batches(readable)) {
    try {
      outcomes.push(...(await api.importFiles(await Promise.all(batch.map(read)))));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const file of batch) {
        outcomes.push({
          status: 'failed',
          input: file.name,
          error: { code: 'transport-failed', message: `${file.name}: ${message}` },
        });
      }
    }
  }
  reportOutcomes(outcomes);
}
