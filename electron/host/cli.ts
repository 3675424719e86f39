/**
 * The command line: `lectern import <file|folder|url>... [--library DIR] [--json]`.
 * Runs the same import as the desktop app's Import Folder, on the same
 * library (or the one named), a few inputs at a time. Prints one line per
 * input, or with --json one JSON object per line: {input, status, id, title,
 * error}. Exits with 1 when any input failed, 2 on a usage error.
 */
import type { ImportOutcome } from '../shared/api';
import { importPaths } from '../core/import/pipeline/import-paths';
import { defaultUserDataDir, resolveLibraryDir } from '../core/library/location';
import { preparePool } from '../core/import/workers/prepare-pool';
import { openBackend, type Backend } from '../core/open-backend';
import { IMPORT_CONCURRENCY } from '../core/services/import';
import { isExportPath } from '../core/import/services/read-export';
import { failurePlace, reportLines } from '../shared/app-export-report';
import type { AppExportItem, AppExportReport } from '../shared/api';
import { EXPORT_USAGE, runExportCli } from './cli-export';

const USAGE = `Usage: lectern import <file|folder|url>... [--library DIR] [--json]

Adds web pages (.html, .mhtml), text (.txt, .md), PDF, EPUB, link files
(.url, .webloc, .desktop), folders of them, and web addresses to the library.
An export from another app (Pocket, Instapaper, Omnivore, wallabag, Readwise,
Raindrop, browser bookmarks) is told by its content and imported whole, with
a report; its links are fetched by the app when its window next opens.

${EXPORT_USAGE}`;

const PENDING_LINKS =
  'Their links are kept with their tags, state and dates; Lectern fetches the pages, a few at a time, when its window next opens.';

export interface CliLine {
  input: string;
  status: 'imported' | 'duplicate' | 'failed';
  id: string | null;
  title: string | null;
  error: string | null;
}

export function cliLine(input: string, outcome: ImportOutcome): CliLine {
  switch (outcome.status) {
    case 'imported':
    case 'duplicate':
      return {
        input,
        status: outcome.status,
        id: outcome.article.id,
        title: outcome.article.title,
        error: null,
      };
    case 'pending':
      return {
        input,
        status: 'failed',
        id: outcome.article.id,
        title: outcome.article.title,
        error: outcome.article.excerpt,
      };
    case 'failed':
      return { input, status: 'failed', id: null, title: null, error: outcome.error.message };
  }
}

/**
 * An export's item as a line like a file's, its input the export and the
 * item's line: "imported" for a new article (also one whose page the link
 * queue fetches later: that is the export's normal course, not a failure),
 * "duplicate" for one merged into an article already there.
 */
function itemLine(report: AppExportReport, item: AppExportItem): CliLine {
  const input = failurePlace({ file: report.file, at: item.at });
  if (item.status === 'merged')
    return { input, status: 'duplicate', id: item.id, title: item.title, error: null };
  return { input, status: 'imported', id: item.id, title: item.title, error: null };
}

function describe(line: CliLine): string {
  if (line.status === 'imported') return `imported   ${line.input} → ${line.title}`;
  if (line.status === 'duplicate')
    return `duplicate  ${line.input} → already in the library as “${line.title}”`;
  return `failed     ${line.input}: ${line.error}`;
}

function parseArgs(argv: string[]): { inputs: string[]; json: boolean } | null {
  const [command, ...rest] = argv;
  if (command !== 'import') return null;
  const inputs: string[] = [];
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--json') json = true;
    else if (arg === '--library') i++;
    else if (!arg.startsWith('--library=')) inputs.push(arg);
  }
  return inputs.length > 0 ? { inputs, json } : null;
}

/** Runs the command; an abort of `stop` (a SIGINT or SIGTERM) ends it early with 130. */
export async function runCli(argv: string[], stop?: AbortSignal): Promise<number> {
  // A bare command falls through to the usage of every command, below.
  if ((argv[0] === 'export' || argv[0] === 'restore') && argv.length > 1) return runExportCli(argv, stop);
  const parsed = parseArgs(argv);
  if (!parsed) {
    console.error(USAGE);
    return 2;
  }
  // The import workers load (seconds, cold) while the library opens and the inputs are read;
  // the command's entry (cli-start.ts) has already started them, callers of runCli may not have.
  void preparePool.warm(preparePool.size);
  const backend = await openBackend(resolveLibraryDir(argv, process.env, defaultUserDataDir()), {
    watch: false,
  });
  // The lock is released however the run ends: done, failed or interrupted.
  try {
    const interrupted = new Promise<number>((resolve) => {
      if (stop?.aborted) resolve(130);
      stop?.addEventListener('abort', () => resolve(130), { once: true });
    });
    return await Promise.race([importAll(backend, parsed), interrupted]);
  } finally {
    await backend.close();
  }
}

async function importAll(backend: Backend, parsed: { inputs: string[]; json: boolean }): Promise<number> {
  const print = (line: CliLine) => console.log(parsed.json ? JSON.stringify(line) : describe(line));
  let failed = false;
  // Exports first, told by content, before the folder walk would skip or misread them.
  const others: string[] = [];
  for (const input of parsed.inputs) {
    if (!(await isExportPath(input))) {
      others.push(input);
      continue;
    }
    const result = await backend.dispatch('importAppExport', [{ path: input, listItems: parsed.json }]);
    if (!result.ok) {
      failed = true;
      print({ input, status: 'failed', id: null, title: null, error: result.error.message });
      continue;
    }
    const report = result.value as AppExportReport;
    failed ||= report.failed > 0;
    if (!parsed.json) {
      for (const line of reportLines(report)) console.log(line);
      if (report.pending > 0) console.log(PENDING_LINKS);
      continue;
    }
    for (const item of report.items ?? []) print(itemLine(report, item));
    for (const failure of report.failures)
      print({ input: failurePlace(failure), status: 'failed', id: null, title: null, error: failure.reason });
    console.log(
      JSON.stringify({
        input,
        status: 'app-export',
        report: { ...report, failures: undefined, items: undefined },
      }),
    );
  }
  if (others.length === 0) return failed ? 1 : 0;
  // The same path as the desktop app's Import Folder, dispatch and its schemas included.
  await importPaths(backend.dispatch, others, {
    concurrency: IMPORT_CONCURRENCY,
    onOutcome: (input, outcome) => {
      const line = cliLine(input.input, outcome);
      failed ||= line.status === 'failed';
      print(line);
    },
  });
  return failed ? 1 : 0;
}
