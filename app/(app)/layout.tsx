import Link from "next/link";
import { Logo } from "@/components/logo.tsx";
import { NavLink } from "@/components/nav-link.tsx";
import { SignOutButton } from "@/components/sign-out-button.tsx";
import { ROLE_LABELS } from "@/lib/domain/roles.ts";
import { actorCan, requireActor } from "@/lib/web/session.ts";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor("/investigations");
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
          <nav aria-label="Main" className="flex items-center gap-0.5 sm:gap-1">
            <NavLink href="/investigations" section>
              Investigations
            </NavLink>
            {actorCan(actor, "admin") && (
              <NavLink href="/admin/users" section>
                Users
              </NavLink>
            )}
          </nav>
          <div className="ml-auto flex items-center gap-1 sm:gap-3">
            <span className="hidden text-right text-sm leading-tight sm:block">
              <span className="block font-medium text-slate-900">{actor.name}</span>
              <span className="block text-xs text-slate-500">
                {actor.email} · {ROLE_LABELS[actor.role]}
              </span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
