/**
 * Widens libuv's thread pool, which runs every fs call Node makes, from 4
 * threads to 32. Writing a library folder by folder is mostly fsync waits:
 * with 4 threads an import of 20,000 links queued its syncs four at a time
 * while the disk could take more, and 32 cut that wait by about a third.
 * The threads sleep when idle, so a wider pool costs little otherwise.
 *
 * libuv reads the setting once, when the pool first starts, so each entry
 * point imports this module before anything that touches the file system.
 * A size the user set is kept.
 */
const IO_THREADS = 32;

process.env.UV_THREADPOOL_SIZE ??= String(IO_THREADS);
