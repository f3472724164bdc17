import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo.tsx";
import { SignInForm } from "@/components/sign-in-form.tsx";
import { safeReturnPath } from "@/lib/domain/navigation.ts";
import { currentActor } from "@/lib/web/session.ts";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await currentActor()) redirect(safeReturnPath(params.next));
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <Logo className="text-xl text-slate-900" />
        <h1 className="mt-6 text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Track the claims in the coverage, and settle where the sources disagree.</p>
        {params["signed-out"] && (
          <p role="status" className="mt-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
            You are signed out.
          </p>
        )}
        <div className="mt-6 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <SignInForm next={params.next ? safeReturnPath(params.next) : undefined} />
        </div>
        <p className="mt-4 text-xs text-slate-500">Accounts are created by an admin. Ask yours if you need one.</p>
      </div>
    </main>
  );
}
