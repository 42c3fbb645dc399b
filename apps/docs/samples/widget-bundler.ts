// The widget in an app built with a bundler (Vite, esbuild, webpack, …). Importing defines
// <tickki-chat> in a browser (and nothing on a server); the chat itself is a lazily loaded chunk.
import '@tickki/chat-widget';

const chat = document.createElement('tickki-chat');
chat.setAttribute('publishable-key', 'pk_test_tickki_sandbox');
chat.setAttribute('base-url', 'http://127.0.0.1:4010'); // the local sandbox; leave it out for https://app.tickki.com
chat.setAttribute('theme', 'auto'); // light, dark, or auto (the system's)
document.body.append(chat);

// Your own "Help" button opens the chat; the visitor's name and email go to the agent.
document.querySelector('#help')?.addEventListener('click', () => {
  chat.open();
  void chat.identify({ name: 'Dana Reyes', email: 'dana@example.com' });
});
chat.on('unread', (count) => document.querySelector('#help')?.setAttribute('data-unread', String(count)));
