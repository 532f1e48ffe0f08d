// A server component: the widget is rendered on the server as a plain tag and hydrated
// by the client component (see docs/frameworks/nextjs.md).
import { RatingWidget } from './rating-widget';

export default function Page() {
  return (
    <main>
      <h1>تقييم الخدمة</h1>
      <RatingWidget />
    </main>
  );
}
