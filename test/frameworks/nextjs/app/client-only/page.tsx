// The recommended dynamic import: the widget is rendered in the browser only, so
// React 19 attaches its `on<event>` props as it mounts it.
import { ClientOnlyRating } from './client-only-rating';

export default function Page() {
  return (
    <main>
      <h1>تقييم الخدمة</h1>
      <ClientOnlyRating />
    </main>
  );
}
