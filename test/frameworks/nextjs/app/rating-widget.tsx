'use client';
// The element's code loads in the browser only (useEffect), and its events are
// listened to with a ref: React 19 does not attach `on<event>` props of a custom
// element that was rendered on the server when it hydrates it.
import { useEffect, useRef, useState } from 'react';
import type { SilaRating } from 'sila-widgets/rating.js';
import type { SilaRatingChangeEvent } from 'sila-widgets';

export function RatingWidget() {
  const ref = useRef<SilaRating>(null);
  const [score, setScore] = useState<number>();

  useEffect(() => {
    void import('sila-widgets/rating.js');
    const element = ref.current;
    if (!element) return;
    const onChange = (event: SilaRatingChangeEvent) => setScore(event.detail.score);
    element.addEventListener('sila-rating-change', onChange);
    return () => element.removeEventListener('sila-rating-change', onChange);
  }, []);

  return (
    <>
      <sila-rating ref={ref} scale="csat" no-comment />
      <p id="chosen">{score ?? '–'}</p>
    </>
  );
}
