import type { ReactNode } from "react";
import { Logo } from "@/components/logo.tsx";

/**
 * The frame of a page opened by a shared read-only link: the name of the tool and who shared it,
 * with nothing that leads into the app (no navigation, no sign-in, no link home).
 */
export function SharedFrame({ sharedBy, children }: { sharedBy?: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-1 px-3 py-3 sm:px-6">
          <Logo className="text-slate-900" />
          {sharedBy && (
            <p className="min-w-0 text-sm text-slate-600">
              Shared read-only by <span className="font-medium text-slate-900">{sharedBy}</span>
            </p>
          )}
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
        {children}
      </main>
    </div>
  );
}
