"use client";

import { useTransition } from "react";
import { signOut } from "@/lib/features/session/actions.ts";
import { Button } from "@/components/button.tsx";

export function SignOutButton() {
  const [pending, start] = useTransition();
  return (
    <Button variant="ghost" pending={pending} onClick={() => start(async () => void (await signOut(undefined)))}>
      Sign out
    </Button>
  );
}
