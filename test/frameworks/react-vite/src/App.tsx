// What a React 19 + TypeScript app writes, type-checked against the packed package:
// importing one entry types its element (attributes, ref, key, `on<event>` props).
import { useRef, useState } from 'react';
import 'sila-widgets/rating.js';
import 'sila-widgets/complaint-form.js';
import type { SilaRating, SilaRatingChangeEvent, SilaSubmittedEvent } from 'sila-widgets';

export function App() {
  const rating = useRef<SilaRating>(null);
  const [score, setScore] = useState<number>();
  const onChange = (event: SilaRatingChangeEvent) => setScore(event.detail.score);
  return (
    <main>
      <sila-rating
        ref={rating}
        scale="csat"
        display="faces"
        mode="inline"
        no-comment
        endpoint="https://api.example.org"
        onsila-rating-change={onChange}
        onsila-submitted={(event) => console.log(event.detail.reference)}
      />
      {['complaint', 'suggestion'].map((kind) => (
        <sila-complaint-form
          key={kind}
          kind={kind === 'complaint' ? 'complaint' : 'suggestion'}
          status-url="/follow-up"
          theme="auto"
        />
      ))}
      <output>{score}</output>
      {/* @ts-expect-error -- 'numbers' is not a display the element takes */}
      <sila-rating display="numbers" />
      {/* @ts-expect-error -- 'bogus' is not a scale */}
      <sila-rating scale="bogus" />
      {/* @ts-expect-error -- the handler gets a SilaSubmittedEvent, which has no `score` */}
      <sila-complaint-form
        onsila-submitted={(event: SilaSubmittedEvent & { detail: { score: number } }) => event.detail.score}
      />
    </main>
  );
}
