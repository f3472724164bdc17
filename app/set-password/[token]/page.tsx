import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo.tsx";
import { SetPasswordForm } from "@/components/set-password-form.tsx";
import { passwordLinkHolder, USED_OR_EXPIRED } from "@/lib/server/password-links.ts";

export const metadata: Metadata = { title: "Set your password", robots: { index: false } };

/** Where a one-time link from an admin leads: the holder chooses a password, no account needed yet. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const holder = await passwordLinkHolder(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <Logo className="text-xl text-slate-900" />
        <h1 className="mt-6 text-2xl font-semibold tracking-tight">
          {holder?.purpose === "reset" ? "Choose a new password" : "Set your password"}
        </h1>
        {holder ? (
          <>
            <p className="mt-1 text-sm text-slate-600">
              For {holder.name} ({holder.email}). This link works once.
            </p>
            <div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
              <SetPasswordForm token={token} email={holder.email} />
            </div>
          </>
        ) : (
          <>
            <p role="alert" className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
              {USED_OR_EXPIRED}
            </p>
            <p className="mt-4 text-sm">
              <Link href="/sign-in" className="text-indigo-700 underline">
                Go to sign-in
              </Link>
            </p>
          </>
        )}
      </div>
    </main>
  );
}
