/**
 * The `lectern` command's entry: lectern.js runs its build (out/cli/lectern.js,
 * electron.cli.config.ts) or, without a current build, this source through
 * tsx. For an import it starts the import workers first, then loads the
 * command line (cli.ts, a chunk of its own in the build): the workers load
 * their parsers on their own threads meanwhile rather than after it, a
 * second or more on a cold start. prepare-pool.ts is kept light to load for
 * this.
 */
import '../core/files/io-threads';
import { preparePool } from '../core/import/workers/prepare-pool';
import { serializeError } from '../shared/errors';

if (process.argv[2] === 'import') void preparePool.warm(preparePool.size);

const { runCli } = await import('./cli');

/** Exits once stdout and stderr have flushed: process.exit alone cuts off output still queued for a pipe. */
function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

const stop = new AbortController();
process.on('SIGINT', () => stop.abort());
process.on('SIGTERM', () => stop.abort());
runCli(process.argv.slice(2), stop.signal).then(exitAfterFlush, (error: unknown) => {
  console.error(serializeError(error).message);
  exitAfterFlush(1);
});
