#!/usr/bin/env node
// The `lectern` command. Runs the command line's build (out/cli/, made by `npm run build`) in this
// process while it is current for its sources (cli-build.ts), else its TypeScript source
// (cli-start.ts) through tsx in a child process, passing on SIGINT and SIGTERM so the command line
// can release its library's lock. The build starts in a fraction of the time: through tsx, some
// hundred modules are compiled and resolved before the first file is read.
import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const project = fileURLToPath(new URL('../../', import.meta.url));
// No build yet (a fresh checkout) is the usual case in development, not an error.
const built = await import(new URL('../../out/cli/cli-build.js', import.meta.url).href).then(
  ({ currentCliBuild }) => currentCliBuild(project),
  () => null,
);
if (built) {
  await import(pathToFileURL(built).href);
} else {
  const cli = fileURLToPath(new URL('./cli-start.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), cli, ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 1));
}
