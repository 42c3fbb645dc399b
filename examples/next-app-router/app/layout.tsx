import type { Metadata } from 'next';
import Link from 'next/link';
import { TickkiChatWidget } from '@tickki/chat-widget/react';
import { tickki } from '../tickki';

export const metadata: Metadata = {
  title: 'Acme — Tickki chat on Next.js',
  description: 'The Tickki chat widget in a Next.js App Router layout',
};

// A server component: the widget is rendered straight from it, with no 'use client' file of our own.
// Only serializable props can cross to it from here (no onUnread / onMessage callbacks; use them
// from a client component of your own if you need them).
export default function RootLayout({ children }: LayoutProps<'/'>) {
  return (
    <html lang="en">
      <body>
        <nav>
          <Link href="/">Home</Link> · <Link href="/chat">Chat on the hooks</Link> · <Link href="/about">About</Link>
        </nav>
        {children}
        <TickkiChatWidget publishableKey={tickki.publishableKey} baseUrl={tickki.baseUrl} theme="auto" />
      </body>
    </html>
  );
}
