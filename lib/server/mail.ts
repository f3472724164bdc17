import "server-only";
import nodemailer from "nodemailer";
import { publicAddress } from "@/lib/domain/deployment.ts";
import type { IssuedLink, PasswordLinkPurpose } from "@/lib/server/password-links.ts";

/** What became of mailing a link: sent, not set up (no SMTP_URL), or failed (with why). */
export type Mailed = { status: "sent" } | { status: "off" } | { status: "failed"; reason: string };

/**
 * Set-password links are mailed too when SMTP_URL is set (`smtp://user:password@host:587`, or
 * `smtps://…` for TLS from the start), from MAIL_FROM (default `Crosscheck <no-reply@<host>>`).
 * Mailing never decides anything: the admin is shown the link either way, and a failure is
 * reported to them, not thrown.
 */
export async function mailPasswordLink(
  to: { email: string; name: string },
  link: IssuedLink,
  purpose: PasswordLinkPurpose,
  env: Record<string, string | undefined> = process.env,
): Promise<Mailed> {
  const url = env.SMTP_URL?.trim();
  if (!url) return { status: "off" };
  const site = publicAddress(env);
  const from = env.MAIL_FROM?.trim() || `Crosscheck <no-reply@${new URL(site).hostname}>`;
  const until = link.expiresAt.toUTCString();
  const text =
    purpose === "invite"
      ? `Hello ${to.name},\n\nAn account on Crosscheck (${site}) was made for you. Choose your password here:\n\n${link.url}\n\nThe link works once, until ${until}.\n`
      : `Hello ${to.name},\n\nAn admin of Crosscheck (${site}) gave you a link to choose a new password:\n\n${link.url}\n\nThe link works once, until ${until}. If you did not ask for it, tell your admin.\n`;
  try {
    const transport = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    await transport.sendMail({
      from,
      to: { name: to.name, address: to.email },
      subject: purpose === "invite" ? "Your Crosscheck account: choose a password" : "Choose a new Crosscheck password",
      text,
    });
    transport.close();
    return { status: "sent" };
  } catch (error) {
    console.error("[crosscheck] mailing a set-password link failed", error);
    // The code only ("ECONNECTION", "EAUTH" …): a message may name the server and its account.
    return { status: "failed", reason: (error as { code?: string }).code ?? "unknown error" };
  }
}
