import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { mailPasswordLink } from "@/lib/server/mail.ts";

/** A real SMTP server on loopback that keeps what it is sent. */
const received: { from: string; to: string[]; body: string }[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, done) {
    let body = "";
    stream.on("data", (chunk: Buffer) => (body += chunk.toString()));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        body,
      });
      done();
    });
  },
});
let port = 0;
beforeAll(
  () =>
    new Promise<void>((resolve) =>
      server.listen(0, "127.0.0.1", () => ((port = (server.server.address() as AddressInfo).port), resolve())),
    ),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const link = {
  url: "http://crosscheck.example/set-password/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
  expiresAt: new Date("2026-12-09T10:00:00Z"),
};
const env = (over: Record<string, string>) => ({ BETTER_AUTH_URL: "http://crosscheck.example", ...over });

describe("mailing set-password links", () => {
  test("with SMTP_URL set, the person gets the link by mail, from MAIL_FROM", async () => {
    const mailed = await mailPasswordLink(
      { email: "ines@example.com", name: "Ines Invited" },
      link,
      "invite",
      env({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: "Desk <desk@example.com>" }),
    );
    expect(mailed).toEqual({ status: "sent" });
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(["ines@example.com"]);
    expect(mail.from).toBe("desk@example.com");
    expect(mail.body).toContain("Subject: Your Crosscheck account: choose a password");
    expect(mail.body.replace(/=\r\n/g, "")).toContain(link.url);
  });

  test("without SMTP_URL nothing is sent; an unreachable server is reported, not thrown", async () => {
    const before = received.length;
    expect(await mailPasswordLink({ email: "a@example.com", name: "A" }, link, "reset", env({}))).toEqual({ status: "off" });
    const closed = await mailPasswordLink({ email: "a@example.com", name: "A" }, link, "reset", env({ SMTP_URL: "smtp://127.0.0.1:1" }));
    expect(closed).toMatchObject({ status: "failed" });
    expect(received.length).toBe(before);
  });
});
