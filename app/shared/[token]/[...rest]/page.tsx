import { notFound } from "next/navigation";

/**
 * Any other address under a shared link (a typing slip, a path cut or added to): the shared pages'
 * own not-found, as for an unknown link, not the app's, whose frame leads into the app.
 */
export default function NothingUnderSharedLink(): never {
  notFound();
}
