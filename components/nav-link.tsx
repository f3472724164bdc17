"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A navigation link that marks itself as the current page (or section, with `section`). */
export function NavLink({
  href,
  children,
  section = false,
  className = "",
}: {
  href: string;
  children: React.ReactNode;
  section?: boolean;
  className?: string;
}) {
  const path = usePathname();
  const current = path === href || (section && path.startsWith(`${href}/`));
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-md px-3 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900 aria-[current=page]:bg-slate-100 aria-[current=page]:text-slate-900 ${className}`}
    >
      {children}
    </Link>
  );
}
