import type { Metadata } from "next";
import { SharedFrame } from "@/components/shared-frame.tsx";

export const metadata: Metadata = { title: "Not found", robots: { index: false, follow: false }, referrer: "no-referrer" };

/**
 * An unknown, revoked or expired link, or any other address under a link: the same words for
 * each, and no way into the app.
 */
export default function SharedNotFound() {
  return (
    <SharedFrame>
      <div className="mx-auto max-w-md py-16 text-center">
        <p className="text-sm font-semibold tabular-nums text-indigo-700">404</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">Not found</h1>
        <p className="mt-2 text-sm text-slate-600">
          There is nothing at this address. If someone gave you this link, ask them for a new one.
        </p>
      </div>
    </SharedFrame>
  );
}
