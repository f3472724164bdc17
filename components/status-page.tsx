import Link from "next/link";
import type { ReactNode } from "react";

/**
 * What stands in for a page that cannot be shown (not found, not allowed): the code, what
 * happened in words, and the way back. It sits inside the app's `<main>`, never a second one.
 */
export function StatusPage({
  code,
  title,
  children,
  back = { href: "/investigations", label: "Back to investigations" },
}: {
  code: 403 | 404;
  title: string;
  children: ReactNode;
  back?: { href: string; label: string };
}) {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold tabular-nums text-indigo-700">{code}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
      <div className="mt-2 text-sm text-slate-600">{children}</div>
      <Link
        href={back.href}
        className="mt-6 inline-block rounded-md text-sm font-medium text-indigo-700 underline underline-offset-2 hover:no-underline"
      >
        {back.label}
      </Link>
    </div>
  );
}
