import { articleBlocks } from "@/lib/domain/article-blocks.ts";

/**
 * An article's stored body laid out for reading. Every block carries its offsets in the body
 * (data-start, data-end) so that claim highlights can be placed on it without rewriting text.
 */
export function ArticleBody({ body }: { body: string }) {
  const blocks = articleBlocks(body);
  return (
    <div className="font-serif text-[1.0625rem] leading-relaxed text-slate-800">
      {blocks.map((block) => {
        if (block.kind === "list") {
          const first = block.items[0]!;
          return (
            <ul key={`l${first.start}`} className="my-4 list-disc space-y-2 pl-6 marker:text-slate-400">
              {block.items.map((item) => (
                <li key={item.start} data-start={item.start} data-end={item.end} className={item.depth ? "ml-5" : ""}>
                  {body.slice(item.start, item.end)}
                </li>
              ))}
            </ul>
          );
        }
        if (block.kind === "heading") {
          return (
            <h2 key={block.start} data-start={block.start} data-end={block.end} className="mt-8 mb-2 font-sans text-base font-semibold text-slate-900">
              {body.slice(block.start, block.end)}
            </h2>
          );
        }
        return (
          <p key={block.start} data-start={block.start} data-end={block.end} className="my-4">
            {body.slice(block.start, block.end)}
          </p>
        );
      })}
    </div>
  );
}
