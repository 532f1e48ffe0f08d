'use client';
import dynamic from 'next/dynamic';

// `ssr: false` is allowed in client components only.
export const ClientOnlyRating = dynamic(() => import('./rating'), { ssr: false, loading: () => <p>…</p> });
