/**
 * The command line's export and restore:
 *
 *   lectern export <format> --library DIR --out PATH [--query "tag:work is:archived"]
 *                  [--text] [--template FILE] [--no-trash] [--title TITLE]
 *   lectern restore <backup.zip> --library DIR [--merge]
 *
 * Export runs the app's own export service on the library (taking its lock,
 * like every backend); restore runs with the library closed, under its
 * lock, since it moves article folders into place. Progress goes to stderr,
 * the outcome to stdout. Exits with 1 on failure, 2 on a usage error.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXPORT_FORMATS, type ExportFormat, type ExportRequest } from '../shared/api/export';
import { serializeError } from '../shared/errors';
import { restoreBackup } from '../core/export/restore';
import { acquireLibraryLock } from '../core/library/lock';
import { defaultUserDataDir, resolveLibraryDir } from '../core/library/location';
import { openBackend } from '../core/open-backend';

export const EXPORT_USAGE = `Usage: lectern export <${EXPORT_FORMATS.join('|')}> --library DIR --out PATH [--query QUERY]
         [--text] [--template FILE] [--no-trash] [--title TITLE]
       lectern restore <backup.zip> --library DIR [--merge]

Export writes the articles a query finds (all of them without one) as Markdown
files (--out is a folder), a Readwise CSV, Web Annotations (JSON-LD), browser
bookmarks, an EPUB, or a full backup (.zip) of the library. Restore puts a
backup back into an empty library, or merges it into one with --merge.`;

interface Parsed {
  positional: string[];
  options: Map<string, string | true>;
}

const VALUED = new Set(['--library', '--out', '--query', '--template', '--title']);
const FLAGS = new Set(['--text', '--no-trash', '--merge']);

function parse(argv: string[]): Parsed | null {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') ? (arg.split(/=(.*)/s) as [string, string?]) : [arg];
    if (VALUED.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return null;
      options.set(name, value);
    } else if (FLAGS.has(name)) options.set(name, true);
    else if (arg.startsWith('--')) return null;
    else positional.push(arg);
  }
  return { positional, options };
}

async function exportCommand(parsed: Parsed, libraryDir: string, stop?: AbortSignal): Promise<number> {
  const [, format] = parsed.positional;
  const out = parsed.options.get('--out');
  if (!EXPORT_FORMATS.includes(format as ExportFormat) || typeof out !== 'string') {
    console.error(EXPORT_USAGE);
    return 2;
  }
  const template = parsed.options.get('--template');
  const query = parsed.options.get('--query');
  const title = parsed.options.get('--title');
  const request: ExportRequest = {
    format: format as ExportFormat,
    out: resolve(out),
    ...(typeof query === 'string' ? { query } : {}),
    ...(parsed.options.has('--text') ? { includeText: true } : {}),
    ...(typeof template === 'string' ? { template: await readFile(template, 'utf8') } : {}),
    ...(parsed.options.has('--no-trash') ? { includeTrash: false } : {}),
    ...(typeof title === 'string' ? { title } : {}),
  };
  const backend = await openBackend(libraryDir, { watch: false });
  const job = { jobId: 'cli-export' };
  const cancel = () => void backend.service.cancelExport(job.jobId);
  stop?.addEventListener('abort', cancel);
  try {
    const outcome = await backend.service.exportArticles(request, job);
    console.log(
      `exported   ${outcome.articles} articles as ${outcome.format} → ${outcome.out} (${outcome.written} written)`,
    );
    for (const note of outcome.skipped) console.log(`skipped    ${note}`);
    return 0;
  } finally {
    stop?.removeEventListener('abort', cancel);
    await backend.close();
  }
}

async function restoreCommand(parsed: Parsed, libraryDir: string): Promise<number> {
  const [, backup] = parsed.positional;
  if (!backup || parsed.positional.length !== 2) {
    console.error(EXPORT_USAGE);
    return 2;
  }
  const lock = await acquireLibraryLock(libraryDir);
  try {
    const report = await restoreBackup(resolve(backup), libraryDir, { merge: parsed.options.has('--merge') });
    console.log(`restored   ${report.added} articles added, ${report.merged} merged into ${libraryDir}`);
    for (const conflict of report.conflicts) console.log(`conflict   ${conflict}`);
    return 0;
  } finally {
    await lock.release();
  }
}

/** Runs `lectern export …` or `lectern restore …`; argv starts with the command. */
/** Runs `export` or `restore`; an abort of `stop` (a SIGINT or SIGTERM) cancels an export under way. */
export async function runExportCli(argv: string[], stop?: AbortSignal): Promise<number> {
  const parsed = parse(argv);
  if (!parsed) {
    console.error(EXPORT_USAGE);
    return 2;
  }
  const libraryDir = resolveLibraryDir(argv, process.env, defaultUserDataDir());
  try {
    return argv[0] === 'restore'
      ? await restoreCommand(parsed, libraryDir)
      : await exportCommand(parsed, libraryDir, stop);
  } catch (error) {
    console.error(serializeError(error).message);
    return 1;
  }
}
