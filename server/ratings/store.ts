/** The ratings table: one rating per reference, any number per context (a page, a service). */
import type { Rating } from '../../src/contract/rating.js';
import { randomId } from '../crypto.js';
import type { Queryable } from '../db/database.js';

/** Stores the rating; undefined when the reference already has one. */
export async function insertRating(tx: Queryable, data: Rating, receivedAt: Date): Promise<string | undefined> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO ratings (id, reference, scale, score, context, comment, locale, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (reference) DO NOTHING RETURNING id`,
    [
      randomId(),
      data.reference ?? null,
      data.scale,
      data.score,
      data.context ?? null,
      data.comment ?? null,
      data.client?.locale ?? null,
      receivedAt,
    ],
  );
  return rows[0]?.id;
}
