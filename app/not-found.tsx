import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">This page does not exist, or what it showed has been removed.</p>
      <Link href="/investigations" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to investigations
      </Link>
    </main>
  );
}
