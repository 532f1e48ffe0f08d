import type { ReactNode } from 'react';

export const metadata = { title: 'Sila in Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ar" dir="rtl">
      <body>{children}</body>
    </html>
  );
}
