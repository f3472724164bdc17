"use client";

import { useEffect, useState } from "react";

const EVENT = "crosscheck:open-conflicts";

type Detail = { investigationId: string; count: number };

/** Tells the navigation how many conflicts are open now, after a save changed some in place. */
export function announceOpenConflicts(investigationId: string, count: number): void {
  window.dispatchEvent(new CustomEvent<Detail>(EVENT, { detail: { investigationId, count } }));
}

/**
 * The open-conflict count beside "Conflicts": as the server rendered it, then as saves on this
 * page announce it (the layout is not re-rendered by a save).
 */
export function OpenConflictBadge({ investigationId, initial }: { investigationId: string; initial: number }) {
  const [state, setState] = useState({ from: initial, count: initial });
  if (state.from !== initial) setState({ from: initial, count: initial });
  useEffect(() => {
    const listen = (event: Event) => {
      const { detail } = event as CustomEvent<Detail>;
      if (detail.investigationId === investigationId) setState((s) => ({ ...s, count: detail.count }));
    };
    window.addEventListener(EVENT, listen);
    return () => window.removeEventListener(EVENT, listen);
  }, [investigationId]);
  if (state.count <= 0) return null;
  return (
    <span className="ml-1.5 rounded-full bg-amber-100 px-1.5 py-0.5 text-xs tabular-nums text-amber-900" aria-label={`${state.count} open`}>
      {state.count}
    </span>
  );
}
