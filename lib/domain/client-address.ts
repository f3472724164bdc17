/**
 * Who is asking: the client's IP address, as far as we can trust what we are told.
 *
 * The socket's peer is the only address nobody can forge. `X-Forwarded-For` is a list each proxy
 * appends its peer to, so it is read from the right: while the hop we stand at is a proxy we
 * trust, the entry it appended says who connected to it. The first hop we do not trust is the
 * client. Without trusted proxies that is the peer itself, whatever the header says.
 */

export type IpAddress = { version: 4 | 6; bytes: number[] };
export type Subnet = { base: IpAddress; prefix: number };

/** An address as written in X-Forwarded-For or by a socket: "1.2.3.4", "1.2.3.4:80", "::1", "[::1]:80", "::ffff:1.2.3.4". */
export function parseIp(text: string): IpAddress | null {
  let s = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(s);
  if (bracketed) s = bracketed[1]!;
  else if (/^[\d.]+:\d{1,5}$/.test(s)) s = s.slice(0, s.indexOf(":"));
  const v4 = parseIpv4(s);
  if (v4) return { version: 4, bytes: v4 };
  const v6 = parseIpv6(s);
  if (!v6) return null;
  // An IPv4 client seen by a dual-stack socket (::ffff:1.2.3.4) is that IPv4 client.
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { version: 4, bytes: v6.slice(12) } : { version: 6, bytes: v6 };
}

function parseIpv4(s: string): number[] | null {
  const parts = s.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function parseIpv6(s: string): number[] | null {
  if (!/^[0-9a-fA-F:.]{2,45}$/.test(s)) return null;
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (half: string): number[] | null => {
    if (half === "") return [];
    const out: number[] = [];
    const parts = half.split(":");
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes(".")) {
        const v4 = parseIpv4(part);
        if (!v4) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
        out.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const all = [...head, ...Array<number>(missing).fill(0), ...tail];
  return all.flatMap((g) => [g >> 8, g & 0xff]);
}

/** Canonical text: dotted IPv4, or IPv6 in RFC 5952 form (lowercase, longest zero run as "::"). */
export function formatIp(ip: IpAddress): string {
  if (ip.version === 4) return ip.bytes.join(".");
  const groups = Array.from({ length: 8 }, (_, i) => (ip.bytes[2 * i]! << 8) | ip.bytes[2 * i + 1]!);
  let best = { start: -1, length: 1 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

/**
 * CROSSCHECK_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges ("10.0.0.0/8, ::1").
 * A mistake is an error, not an entry silently left out: an untrusted proxy would make every
 * client behind it look like one.
 */
export function parseTrustedProxies(text: string | undefined): Subnet[] {
  const subnets: Subnet[] = [];
  for (const entry of (text ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [address, prefixText, extra] = entry.split("/");
    const base = parseIp(address!);
    const max = base?.version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!base || extra !== undefined || !(prefix >= 0 && prefix <= max)) {
      throw new Error(`CROSSCHECK_TRUSTED_PROXIES: “${entry}” is not an IP address or a CIDR range such as 10.0.0.0/8.`);
    }
    subnets.push({ base, prefix });
  }
  return subnets;
}

export function inSubnet(ip: IpAddress, subnet: Subnet): boolean {
  if (ip.version !== subnet.base.version) return false;
  for (let bit = 0; bit < subnet.prefix; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((ip.bytes[bit >> 3]! & mask) !== (subnet.base.bytes[bit >> 3]! & mask)) return false;
  }
  return true;
}

/**
 * The client's address, or null when the peer is unknown (then nothing can be trusted).
 * `forwardedFor` is the X-Forwarded-For header as received (several headers joined by commas).
 */
export function clientAddress(input: { peer: string | null; forwardedFor: string | null; trustedProxies: Subnet[] }): string | null {
  let client = input.peer === null ? null : parseIp(input.peer);
  if (!client) return null;
  const hops = (input.forwardedFor ?? "").split(",").reverse();
  for (const hop of hops) {
    if (!input.trustedProxies.some((s) => inSubnet(client!, s))) break;
    // A trusted proxy that passes on garbage: it is as far as we can see.
    const next = parseIp(hop);
    if (!next) break;
    client = next;
  }
  return formatIp(client);
}

/**
 * What limits count per "address": an IPv4 address, or an IPv6 /64 — one household or machine is
 * usually given a whole /64 and can pick a new address in it for every request.
 */
export function addressKey(address: string): string {
  const ip = parseIp(address);
  if (!ip) return address;
  if (ip.version === 4) return formatIp(ip);
  return `${formatIp({ version: 6, bytes: [...ip.bytes.slice(0, 8), 0, 0, 0, 0, 0, 0, 0, 0] })}/64`;
}
