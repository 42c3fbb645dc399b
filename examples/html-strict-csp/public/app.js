// The page's own script (inline scripts are refused by the CSP): the widget's JS API once it is ready.
document.addEventListener('tickki:ready', () => {
  window.tickkiChat.on('unread', (count) => {
    document.title = count ? `(${count}) Acme` : 'Acme — Tickki chat under a strict CSP';
  });
});
