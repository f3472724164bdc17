import type { ArticleSourceDetails } from "@/components/article-source.tsx";

/**
 * The parts of an article's source details that never change on the page, drawn by the server
 * and handed to ArticleSource (a client component), so that their code stays out of the page's
 * JavaScript.
 */

/** How citations name the article, or what they lack for it. */
export function SourceCitation({ article }: { article: ArticleSourceDetails }) {
  const missing = [!article.outlet && "outlet", !article.publishedText && "publication date"].filter(Boolean) as string[];
  return (
    <p className="order-last min-w-0 basis-full text-slate-700 sm:order-none sm:basis-0 sm:flex-1">
      {missing.length > 0 ? (
        <span className="text-amber-800">
          No {missing.join(" or ")} recorded: citations name the article by its title
          {!article.publishedText && " and its relative dates (“last July”) stay unresolved"}.
        </span>
      ) : (
        <>
          Cited as “{article.outlet}, {article.publishedLabel ?? article.publishedText}”{article.author && ` · by ${article.author}`}.
        </>
      )}
    </p>
  );
}

/** What is known about this copy of the article: when and from what it was imported, the original. */
export function AboutThisCopy({ meta, url }: { meta: { term: string; value: string }[]; url: string | null }) {
  return (
    <details className="mt-2 text-slate-700">
      <summary className="cursor-pointer text-slate-600">About this copy</summary>
      <dl className="mt-2 grid gap-x-6 gap-y-2 pb-2 sm:grid-cols-2">
        {meta.map((m) => (
          <div key={m.term}>
            <dt className="text-xs font-medium text-slate-600">{m.term}</dt>
            <dd className="break-words text-slate-800">{m.value}</dd>
          </div>
        ))}
        {url && (
          <div>
            <dt className="text-xs font-medium text-slate-600">Original</dt>
            <dd className="break-all">
              <a href={url} rel="noopener noreferrer" target="_blank" className="text-indigo-700 underline">
                {url}
              </a>
            </dd>
          </div>
        )}
      </dl>
      <p className="pb-1 text-xs text-slate-600">
        The text is shown exactly as imported; it is never rewritten, so every quote can be traced back to it.
      </p>
    </details>
  );
}
