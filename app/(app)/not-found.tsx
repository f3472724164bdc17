import { StatusPage } from "@/components/status-page.tsx";

/** Something a page of the app looked for is not there: shown inside the app's frame, under its header. */
export default function NotFound() {
  return (
    <StatusPage code={404} title="Not found">
      <p>This page does not exist, or what it showed has been removed.</p>
    </StatusPage>
  );
}
