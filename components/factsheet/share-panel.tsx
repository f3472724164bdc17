"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/button.tsx";
import { Field, TextInput } from "@/components/field.tsx";
import { FormMessage } from "@/components/form-message.tsx";
import { useFormAction } from "@/components/use-form-action.ts";
import { humanMoment } from "@/lib/domain/factsheet-formats.ts";
import { MAX_SHARE_DAYS } from "@/lib/domain/inputs.ts";
import { createShareLink, revokeShareLink } from "@/lib/features/share/actions.ts";

export type ShareLinkData = { id: string; label: string | null; createdBy: string | null; createdAt: string; expiresAt: string | null };

/**
 * For the investigation's leads: read-only links to this fact sheet for people without an
 * account. A new link is shown here once (only its hash is kept); live links can be revoked.
 */
export function SharePanel({ investigationId, links }: { investigationId: string; links: ShareLinkData[] }) {
  const [created, setCreated] = useState<{ url: string; expiresAt: string | null } | null>(null);
  const [outcome, setOutcome] = useState("");
  const router = useRouter();
  const create = useFormAction(createShareLink, {
    resetOnSuccess: true,
    onSuccess: (r) => {
      setCreated({ url: r.url, expiresAt: r.expiresAt });
      setOutcome("");
      router.refresh();
    },
  });
  return (
    <section aria-labelledby="share-heading" className="mb-6 rounded-lg bg-white px-4 py-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="share-heading" className="text-sm font-semibold">
        Share read-only link
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">
        Anyone with a link sees this fact sheet and its downloads, without an account, and nothing else of the investigation. Revoking a
        link closes it at once.
      </p>
      {created && <NewLink url={created.url} expiresAt={created.expiresAt} onDismiss={() => setCreated(null)} />}
      <form {...create.formProps} className="mt-4 flex flex-wrap items-start gap-3">
        <input type="hidden" name="investigationId" value={investigationId} />
        <div className="min-w-0 flex-1 basis-56">
          <Field id="share-label" label="Label (optional)" errors={create.fieldErrors?.label}>
            <TextInput
              id="share-label"
              name="label"
              placeholder="e.g. For the legal desk"
              maxLength={120}
              errors={create.fieldErrors?.label}
            />
          </Field>
        </div>
        <div className="w-40">
          <Field id="share-days" label="Expires after (days)" errors={create.fieldErrors?.expiresInDays}>
            <TextInput
              id="share-days"
              name="expiresInDays"
              inputMode="numeric"
              placeholder="Never"
              aria-description={`Blank: the link works until it is revoked. At most ${MAX_SHARE_DAYS}.`}
              errors={create.fieldErrors?.expiresInDays}
            />
          </Field>
        </div>
        {/* Level with the fields (below their labels), even when a field says what is wrong. */}
        <Button type="submit" pending={create.pending} pendingLabel="Creating…" className="sm:mt-[1.625rem]">
          Create link
        </Button>
      </form>
      <div className="mt-2">
        <FormMessage state={create.state && !create.state.ok ? create.state : null} />
      </div>
      <p role="status" className="mt-3 text-sm text-emerald-800 empty:hidden">
        {outcome}
      </p>
      <h3 id="share-links-heading" className="mt-4 text-xs font-medium text-slate-500">
        {links.length === 0 ? "Active links" : `Active links (${links.length})`}
      </h3>
      {links.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No link is open: only the team sees this fact sheet.</p>
      ) : (
        <ul aria-labelledby="share-links-heading" className="mt-1 divide-y divide-slate-200 rounded-md ring-1 ring-slate-200">
          {links.map((l) => (
            <LinkRow
              key={l.id}
              investigationId={investigationId}
              link={l}
              onRevoked={(text) => {
                setOutcome(text);
                router.refresh();
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The new link, once: with a Copy button, since it cannot be shown again. */
function NewLink({ url, expiresAt, onDismiss }: { url: string; expiresAt: string | null; onDismiss: () => void }) {
  const [copied, setCopied] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Without clipboard access (an insecure origin), the text is selected for the person to copy.
      input.current?.select();
    }
  };
  return (
    <div role="region" aria-labelledby="share-new-heading" className="mt-4 rounded-md bg-emerald-50 p-3 ring-1 ring-emerald-200 ring-inset">
      <p id="share-new-heading" className="text-sm font-medium text-emerald-900">
        New link {expiresAt ? `(expires ${humanMoment(expiresAt)})` : "(does not expire)"}. Copy it now: it is not shown again.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <label htmlFor="share-new-url" className="sr-only">
          New read-only link
        </label>
        <input
          ref={input}
          id="share-new-url"
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 basis-80 rounded-md border-0 bg-white px-3 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-slate-300 ring-inset"
        />
        <Button type="button" variant="secondary" className="py-1.5" onClick={copy} autoFocus>
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button type="button" variant="ghost" className="py-1.5" onClick={onDismiss}>
          Done
        </Button>
      </div>
      <p aria-live="polite" className="mt-1 text-xs text-emerald-800">
        {copied ? "The link is on your clipboard." : ""}
      </p>
    </div>
  );
}

function LinkRow({
  investigationId,
  link,
  onRevoked,
}: {
  investigationId: string;
  link: ShareLinkData;
  onRevoked: (text: string) => void;
}) {
  const name = link.label ?? "Unlabelled link";
  const revoke = useFormAction(revokeShareLink, { onSuccess: () => onRevoked(`“${name}” is revoked: it no longer opens anything.`) });
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 px-3 py-2.5">
      <div className="min-w-0 text-sm">
        <div className="font-medium text-slate-900">{name}</div>
        <div className="text-xs text-slate-600">
          Created by {link.createdBy ?? "a former account"} on {humanMoment(link.createdAt)} ·{" "}
          {link.expiresAt ? `expires ${humanMoment(link.expiresAt)}` : "does not expire"}
        </div>
        {revoke.state && !revoke.state.ok && (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {revoke.state.message}
          </p>
        )}
      </div>
      {confirming ? (
        <form {...revoke.formProps} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="investigationId" value={investigationId} />
          <input type="hidden" name="id" value={link.id} />
          <Button type="submit" variant="danger" pending={revoke.pending} className="py-1.5" autoFocus>
            Revoke “{name}”
          </Button>
          <Button type="button" variant="ghost" className="py-1.5" onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </form>
      ) : (
        <Button type="button" variant="ghost" className="py-1.5" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}…`}>
          Revoke…
        </Button>
      )}
    </li>
  );
}
