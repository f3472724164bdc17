import Link from "next/link";
import { Logo } from "@/components/logo.tsx";
import { NavLink } from "@/components/nav-link.tsx";
import { SignOutButton } from "@/components/sign-out-button.tsx";
import { hasRole, ROLE_LABELS } from "@/lib/domain/roles.ts";
import type { Actor } from "@/lib/web/session.ts";

/**
 * The frame of every screen but sign-in: the skip link, the header, and the one `<main>`.
 * A 404 outside the app's routes uses it too, so a wrong address still shows where you are;
 * `actor` is null there when the session cookie no longer names anyone.
 */
export function AppShell({ actor, children }: { actor: Actor | null; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-x-2 px-3 py-3 sm:gap-x-4 sm:px-6">
          <Link href="/investigations" className="rounded-md text-slate-900">
            <Logo compact />
          </Link>
          {actor && (
            <nav aria-label="Main" className="flex items-center gap-0.5 sm:gap-1">
              <NavLink href="/investigations" section>
                Investigations
              </NavLink>
              {hasRole(actor.role, "admin") && (
                <NavLink href="/admin/users" section>
                  Users
                </NavLink>
              )}
            </nav>
          )}
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            {actor ? (
              <>
                <span className="hidden text-right text-sm leading-tight sm:block">
                  <span className="block font-medium text-slate-900">{actor.name}</span>
                  <span className="block text-xs text-slate-500">
                    {actor.email}
                    {actor.role === "admin" && ` · ${ROLE_LABELS.admin}`}
                  </span>
                </span>
                <SignOutButton />
              </>
            ) : (
              <Link href="/sign-in" className="rounded-md px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100">
                Sign in
              </Link>
            )}
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
