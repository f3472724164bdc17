import { StatusPage } from "@/components/status-page.tsx";

/** An article, entity or conflict this investigation does not have: its tabs stay above, the way on. */
export default function NotFound() {
  return (
    <StatusPage code={404} title="Not found">
      <p>This investigation has no such page, or what it showed has been removed. Its tabs above lead to what it has.</p>
    </StatusPage>
  );
}
