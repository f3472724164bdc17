import { describe, expect, test } from "vitest";
import { addressKey, clientAddress, formatIp, parseIp, parseTrustedProxies } from "@/lib/domain/client-address.ts";

const none = parseTrustedProxies(undefined);

describe("the client's address", () => {
  test("without trusted proxies it is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "6.6.6.6", trustedProxies: none })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: "6.6.6.6, 7.7.7.7", trustedProxies: none })).toBe("203.0.113.9");
    expect(clientAddress({ peer: "203.0.113.9", forwardedFor: null, trustedProxies: none })).toBe("203.0.113.9");
  });

  test("a trusted proxy's entry (the rightmost) names the client; what the client wrote before it does not", () => {
    const trustedProxies = parseTrustedProxies("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "6.6.6.6, 198.51.100.7", trustedProxies })).toBe("198.51.100.7");
    // A peer that is not the proxy is the client, even if it claims to be forwarding.
    expect(clientAddress({ peer: "198.51.100.8", forwardedFor: "6.6.6.6", trustedProxies })).toBe("198.51.100.8");
  });

  test("a chain of trusted proxies is walked from the right until an untrusted hop", () => {
    const trustedProxies = parseTrustedProxies("10.0.0.0/8, 172.16.0.0/12");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.5, 172.16.3.4, 10.1.2.3", trustedProxies })).toBe(
      "203.0.113.5",
    );
    // Every hop trusted: the furthest one we were told about.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "10.9.9.9, 10.1.2.3", trustedProxies })).toBe("10.9.9.9");
    // Trusted, but nothing forwarded: the proxy itself.
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: null, trustedProxies })).toBe("10.0.0.2");
  });

  test("garbage stops the walk at the last hop we could read", () => {
    const trustedProxies = parseTrustedProxies("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "unknown", trustedProxies })).toBe("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "203.0.113.5, <script>", trustedProxies })).toBe("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "", trustedProxies })).toBe("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "203.0.113.5,,", trustedProxies })).toBe("10.0.0.1");
    expect(clientAddress({ peer: "10.0.0.1", forwardedFor: "999.1.1.1", trustedProxies })).toBe("10.0.0.1");
  });

  test("an unknown or unreadable peer gives no address at all", () => {
    expect(clientAddress({ peer: null, forwardedFor: "6.6.6.6", trustedProxies: none })).toBeNull();
    expect(clientAddress({ peer: "not an address", forwardedFor: "6.6.6.6", trustedProxies: parseTrustedProxies("0.0.0.0/0") })).toBeNull();
  });

  test("forms proxies and sockets write are read alike", () => {
    const trustedProxies = parseTrustedProxies("::1, 127.0.0.1");
    expect(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "[2001:DB8::7]:443", trustedProxies })).toBe("2001:db8::7");
    expect(clientAddress({ peer: "::1", forwardedFor: " 198.51.100.7:51234 ", trustedProxies })).toBe("198.51.100.7");
  });
});

describe("addresses", () => {
  test.each([
    ["1.2.3.4", "1.2.3.4"],
    ["1.2.3.4:8080", "1.2.3.4"],
    ["::ffff:192.0.2.1", "192.0.2.1"],
    ["::FFFF:c000:0201", "192.0.2.1"],
    ["[::1]:80", "::1"],
    ["2001:0db8:0000:0000:0001:0000:0000:0001", "2001:db8::1:0:0:1"],
    ["2001:db8:1:2:3:4:5:0", "2001:db8:1:2:3:4:5:0"],
    ["::", "::"],
  ])("%s reads as %s", (text, canonical) => {
    expect(formatIp(parseIp(text)!)).toBe(canonical);
  });

  test.each([
    "",
    "unknown",
    "1.2.3",
    "1.2.3.4.5",
    "256.1.1.1",
    "01.2.3.4",
    "1:2:3:4:5:6:7:8:9",
    "1::2::3",
    "fe80::1%eth0",
    "[1.2.3.4]x",
    "１.２.３.４",
    "1.2.3.4 5.6.7.8",
  ])("%j is not an address", (text) => {
    expect(parseIp(text)).toBeNull();
  });

  test("limits count an IPv6 client by its /64, an IPv4 client by its address", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb::9")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
  });
});

describe("CROSSCHECK_TRUSTED_PROXIES", () => {
  test("unset or empty trusts nobody", () => {
    expect(parseTrustedProxies(undefined)).toEqual([]);
    expect(parseTrustedProxies(" , ")).toEqual([]);
  });

  test("addresses and CIDR ranges, IPv4 and IPv6", () => {
    const trustedProxies = parseTrustedProxies("10.0.0.0/8, 192.168.1.10, fd00::/8");
    const through = (peer: string) => clientAddress({ peer, forwardedFor: "203.0.113.5", trustedProxies });
    expect(through("10.200.3.4")).toBe("203.0.113.5");
    expect(through("192.168.1.10")).toBe("203.0.113.5");
    expect(through("192.168.1.11")).toBe("192.168.1.11");
    expect(through("fd12::1")).toBe("203.0.113.5");
    expect(through("fe80::1")).toBe("fe80::1");
  });

  test.each(["10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/8/8", "proxy.internal", "::/129", "10.0.0.0/"])(
    "%s is refused, naming the entry",
    (text) => {
      expect(() => parseTrustedProxies(text)).toThrow(`“${text}”`);
    },
  );
});
