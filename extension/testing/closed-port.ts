/** For the background's tests: a port on 127.0.0.1 that nothing listens on, as when Lectern is closed. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One a server held and let go. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
