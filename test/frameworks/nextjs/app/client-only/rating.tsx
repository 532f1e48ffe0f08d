'use client';
import { useState } from 'react';
import 'sila-widgets/rating.js';

export default function Rating() {
  const [score, setScore] = useState<number>();
  return (
    <>
      <sila-rating scale="csat" no-comment onsila-rating-change={(event) => setScore(event.detail.score)} />
      <p id="chosen">{score ?? '–'}</p>
    </>
  );
}
