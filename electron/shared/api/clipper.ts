/**
 * The web clipper as the window sees it: the endpoint's state, the browsers
 * paired with this library, and the pairings waiting for the person's answer.
 * The clipper itself talks to the clip endpoint (clip-protocol.ts), never to
 * this API.
 */
import type { ImportOutcome } from './import';

/** Whether the clip endpoint is listening, and where. */
export type ClipEndpointStatus =
  | { state: 'listening'; port: number }
  /** Turned off (LECTERN_CLIP_PORT=off), or a shell that does not start it, such as the command line. */
  | { state: 'off' }
  /** It could not listen: every port it may use is taken, say. */
  | { state: 'unavailable'; reason: string };

/** A browser extension allowed to save pages to this library. */
export interface PairedClipper {
  /** Lectern's own id for the pairing, used to revoke it. */
  id: string;
  browser: string;
  extensionId: string;
  /** ISO dates. */
  pairedAt: string;
  lastUsedAt: string | null;
}

/** A browser asking to be paired, shown to the person with its code. */
export interface PendingPairing {
  pairingId: string;
  browser: string;
  extensionId: string;
  /** The six characters the extension's popup also shows. */
  code: string;
  /** ISO date after which the request lapses unanswered. */
  expiresAt: string;
}

export interface ClipperInfo {
  endpoint: ClipEndpointStatus;
  paired: PairedClipper[];
  pending: PendingPairing[];
}

export type ClipperEvent =
  /** A pairing was asked for, answered or lapsed, a browser revoked, or the endpoint's state changed. */
  | { type: 'clipper-changed' }
  /** A clip arrived from a browser and was saved (or found already saved), for the usual notice. */
  | { type: 'clip-saved'; outcome: ImportOutcome };

export interface ClipperApi {
  /** The endpoint's state, the paired browsers and the pending pairings. Errors: none. */
  listClippers(): Promise<ClipperInfo>;
  /** Allows a pending pairing: its extension receives a token on its next poll. Errors: not-found. */
  allowClipper(pairingId: string): Promise<void>;
  /** Refuses a pending pairing. Errors: not-found. */
  denyClipper(pairingId: string): Promise<void>;
  /** Forgets a paired browser: its token is refused from now on. Errors: not-found, library-unavailable. */
  revokeClipper(id: string): Promise<void>;
}

export const CLIPPER_METHODS: Record<keyof ClipperApi, true> = {
  listClippers: true,
  allowClipper: true,
  denyClipper: true,
  revokeClipper: true,
};
