import "server-only";
import { randomBytes } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import https from "node:https";
import { clientAddress, parseTrustedProxies, type Subnet } from "@/lib/domain/client-address.ts";

/**
 * The socket's peer address, passed from Node's HTTP server to the app in a header.
 *
 * Next.js gives route handlers and server actions the request's headers but not its socket, and
 * its server only *adds* X-Forwarded-For when the request has none (`??=` in base-server.js), so
 * a client that sends its own header hides its real address. Installed at start
 * (instrumentation.ts), this stamps every incoming request with the peer address, replacing
 * whatever the client put in that header. The stamp carries a random per-process token, so a
 * request that arrived before the stamping began cannot pass off a forged one.
 */
export const PEER_ADDRESS_HEADER = "x-crosscheck-peer";
const TOKEN = Symbol.for("crosscheck.peer-address-token");
type Stamped = { [TOKEN]?: string };

function processToken(): string {
  const global = globalThis as Stamped;
  return (global[TOKEN] ??= randomBytes(18).toString("base64url"));
}

/** Sets the peer header on a request's headers (what the installed hook does to each request). */
export function stampPeerAddress(headers: IncomingHttpHeaders, address: string | undefined): void {
  headers[PEER_ADDRESS_HEADER] = `${processToken()} ${address ?? ""}`;
}

/** Once per process, before requests are served: every HTTP(S) server stamps its requests. */
export function installPeerAddressStamp(): void {
  const global = globalThis as Stamped & { crosscheckPeerStampInstalled?: boolean };
  if (global.crosscheckPeerStampInstalled) return;
  global.crosscheckPeerStampInstalled = true;
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    Server.prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        stampPeerAddress(request.headers, request.socket.remoteAddress);
      }
      return emit.call(this, event, ...args);
    };
  }
}

/** The stamped peer address, or null when the request carries no genuine stamp. */
export function peerAddress(headers: Headers): string | null {
  const token = (globalThis as Stamped)[TOKEN];
  const [stamp, address] = (headers.get(PEER_ADDRESS_HEADER) ?? "").split(" ");
  return token && stamp === token && address ? address : null;
}

let trusted: { text: string | undefined; subnets: Subnet[] } | undefined;

/** CROSSCHECK_TRUSTED_PROXIES, parsed once (a mistake in it is an error at the first sign-in). */
function trustedProxies(): Subnet[] {
  const text = process.env.CROSSCHECK_TRUSTED_PROXIES;
  if (!trusted || trusted.text !== text) trusted = { text, subnets: parseTrustedProxies(text) };
  return trusted.subnets;
}

let warned = false;

/** The client's address for this request, or null when the server did not stamp it. */
export function requestClientAddress(headers: Headers): string | null {
  const address = clientAddress({
    peer: peerAddress(headers),
    forwardedFor: headers.get("x-forwarded-for"),
    trustedProxies: trustedProxies(),
  });
  if (address === null && !warned) {
    warned = true;
    console.warn(
      "[crosscheck] a request without the peer address stamp: sign-in limits per address are off for it (is instrumentation.ts running?)",
    );
  }
  return address;
}
