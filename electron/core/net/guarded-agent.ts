/**
 * An HTTP agent that refuses to connect to a local address (local-address.ts)
 * except for the hosts it is told may be local: the link the person gave, or
 * the local host a page came from. The check is made on the address actually
 * connected to: names are resolved by a lookup that drops local addresses
 * before the socket uses them, and IP literals, which skip the lookup, are
 * checked first. So a name that points here, or that answers differently
 * between a check and the connection (DNS rebinding), is caught.
 *
 * The trade-off: each fetch gets its own agent, so connections are not kept
 * between fetches (images from one server each open their own): the policy
 * is the fetch's, and a pooled connection would carry one fetch's allowance
 * into another's.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { isLocalAddress } from './local-address';

/** Why a connection was not made: the host is on a local address it may not use. */
export class LocalAddressRefused extends Error {
  override readonly name = 'LocalAddressRefused';

  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} is on a local address (${address}).`);
  }
}

/**
 * Whether a host may be on a local address: an entry with a port allows that
 * host and port (as URL.host writes it), one without allows the name on any port.
 */
export function mayBeLocal(allowed: readonly string[], host: string): boolean {
  const name = host.replace(/:\d+$/, '');
  return allowed.some((entry) => entry === host || entry === name);
}

/** A lookup that keeps only public addresses, and fails naming the host when none is left. */
const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...(options as LookupOptions), all: true }, (error, found: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    const kept = found.filter((entry) => !isLocalAddress(entry.address));
    if (kept.length === 0) {
      return callback(new LocalAddressRefused(hostname, found[0]?.address ?? hostname), '', 0);
    }
    if ((options as LookupOptions).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, kept);
    const [first] = kept as [LookupAddress];
    callback(null, first.address, first.family);
  });
};

export interface GuardedAgentOptions {
  /** Hosts that may be on a local address (see mayBeLocal). */
  localHosts: readonly string[];
  /** Told the address of every connection made, by host (URL.host). */
  onConnect?: (host: string, address: string) => void;
}

export function guardedAgent({ localHosts, onConnect }: GuardedAgentOptions): Agent {
  const open = buildConnector({});
  const guarded = buildConnector({ lookup: publicLookup });
  return new Agent({
    connect: (options, callback) => {
      const host = options.host ?? options.hostname;
      const allowed = mayBeLocal(localHosts, host);
      if (!allowed && isIP(options.hostname) && isLocalAddress(options.hostname)) {
        return callback(new LocalAddressRefused(host, options.hostname), null);
      }
      const connect = allowed ? open : guarded;
      connect(options, (error, socket) => {
        if (socket?.remoteAddress) onConnect?.(host, socket.remoteAddress);
        if (error) callback(error, null);
        else callback(null, socket as NonNullable<typeof socket>);
      });
    },
  });
}
