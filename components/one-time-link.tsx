"use client";

import { useState } from "react";
import type { Mailed } from "@/lib/server/mail.ts";

/**
 * A set-password link, shown once to the admin who asked for it (only its hash is kept), with a
 * Copy button and when it expires.
 */
export function OneTimeLink({ url, expiresAt, email, mailed }: { url: string; expiresAt: string; email: string; mailed: Mailed }) {
  const [copied, setCopied] = useState(false);
  const id = `link-${email}`;
  return (
    <div role="status" className="rounded-md bg-indigo-50 p-3 text-sm ring-1 ring-indigo-200">
      <label htmlFor={id} className="font-medium text-slate-900">
        One-time link for {email} to set their password
      </label>
      <div className="mt-2 flex gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border-0 bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-slate-300 ring-inset"
        />
        <button
          type="button"
          onClick={() => navigator.clipboard?.writeText(url).then(() => setCopied(true))}
          className="rounded-md bg-white px-3 py-1.5 font-medium text-slate-900 ring-1 ring-slate-300 hover:bg-slate-50"
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="mt-2 text-xs text-slate-600">
        Shown only now: send it to them privately. It works once, until{" "}
        {new Date(expiresAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}; a new link replaces it.
      </p>
      {mailed.status === "sent" && <p className="mt-1 text-xs text-slate-700">Also mailed to {email}.</p>}
      {mailed.status === "failed" && <p className="mt-1 text-xs text-red-700">Mailing it failed ({mailed.reason}): pass it on yourself.</p>}
    </div>
  );
}
