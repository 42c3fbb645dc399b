// An app bundling the widget: React DOM rendering <TickkiChatWidget /> (which imports the element).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { TickkiChatWidget } from '@tickki/chat-widget/react';

const params = new URLSearchParams(location.search);
window.events = [];
createRoot(document.getElementById('root')).render(
  createElement(TickkiChatWidget, {
    publishableKey: params.get('key'),
    baseUrl: params.get('base'),
    primaryColor: '#B91C1C',
    onOpenChange: (open) => window.events.push(`open:${open}`),
    onMessage: (m) => window.events.push(`message:${m.content}`),
  }),
);
