/**
 * The agent console served at `/agent`: plain HTML and JavaScript on top of the control API. It lists
 * conversations, shows the selected one's messages, and lets a person answer by hand, show typing,
 * set agents online and switch the scripted agent.
 */

/** The demo business's logo, served at `/assets/logo.svg`. */
export const LOGO_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#4F46E5"/><path d="M18 22h28v6H35v20h-6V28H18z" fill="#fff"/></svg>`;

export const AGENT_CONSOLE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tickki sandbox · agent console</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #111827; background: #f3f4f6; height: 100vh; display: flex; flex-direction: column; }
  header { display: flex; gap: 16px; align-items: center; padding: 8px 16px; background: #4F46E5; color: #fff; flex-wrap: wrap; }
  header h1 { font-size: 16px; margin: 0 16px 0 0; }
  header label { display: flex; gap: 6px; align-items: center; }
  header input, header select { font: inherit; }
  header input[type=number] { width: 70px; }
  main { flex: 1; display: flex; min-height: 0; }
  #list { width: 300px; overflow-y: auto; background: #fff; border-right: 1px solid #e5e7eb; }
  #list .conv { padding: 10px 12px; border-bottom: 1px solid #f3f4f6; cursor: pointer; }
  #list .conv.active { background: #eef2ff; }
  #list .conv .who { font-weight: 600; }
  #list .conv .last { color: #6b7280; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .dot { display: inline-block; width: 8px; height: 8px; border-radius: 50%; background: #d1d5db; margin-right: 6px; }
  .dot.on { background: #10b981; }
  #chat { flex: 1; display: flex; flex-direction: column; min-width: 0; }
  #head { padding: 10px 16px; background: #fff; border-bottom: 1px solid #e5e7eb; min-height: 42px; }
  #messages { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
  .msg { max-width: 70%; padding: 8px 12px; border-radius: 12px; background: #fff; white-space: pre-wrap; word-wrap: break-word; }
  .msg.outbound { align-self: flex-end; background: #4F46E5; color: #fff; }
  .msg .meta { font-size: 11px; opacity: .7; margin-top: 4px; }
  .msg a { color: inherit; }
  #typing { padding: 0 16px; height: 20px; color: #6b7280; font-style: italic; }
  form { display: flex; gap: 8px; padding: 12px 16px; background: #fff; border-top: 1px solid #e5e7eb; }
  form textarea { flex: 1; font: inherit; padding: 8px; resize: none; height: 44px; }
  form button { font: inherit; padding: 0 18px; background: #4F46E5; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
  form button:disabled { opacity: .5; cursor: default; }
  #empty { margin: auto; color: #6b7280; }
</style>
</head>
<body>
<header>
  <h1>Tickki sandbox · agent console</h1>
  <label>Agents online <input id="online" type="number" min="0" value="0"></label>
  <label>Scripted agent <select id="mode"><option value="echo">echo</option><option value="canned">canned</option><option value="off">off</option></select></label>
  <label>Delay (ms) <input id="delay" type="number" min="0" step="100" value="0"></label>
  <label><input id="suspended" type="checkbox"> Business suspended</label>
</header>
<main>
  <div id="list"></div>
  <div id="chat">
    <div id="head">Select a conversation.</div>
    <div id="messages"><div id="empty">No conversation selected.</div></div>
    <div id="typing"></div>
    <form id="reply"><textarea id="text" placeholder="Reply as the agent… (Enter sends, Shift+Enter for a new line)" disabled></textarea><button id="send" disabled>Send</button></form>
  </div>
</main>
<script>
(() => {
  const $ = (id) => document.getElementById(id);
  let selected = null;
  let lastRendered = '';
  let typingSentAt = 0;

  async function call(method, path, body) {
    const res = await fetch('/_control' + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(json.message || res.status);
    return json.data;
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function who(c) { return c.contact.name || c.contact.email || c.visitor_id; }

  async function refreshList() {
    const list = await call('GET', '/conversations');
    const box = $('list');
    box.replaceChildren();
    if (list.length === 0) box.append(el('div', 'conv', 'No conversations yet. Start one with POST /api/v1/chat/sessions.'));
    for (const c of list) {
      const row = el('div', 'conv' + (c.id === selected ? ' active' : ''));
      const name = el('div', 'who');
      name.append(el('span', 'dot' + (c.visitor_online ? ' on' : '')), document.createTextNode(who(c) + ' · #' + c.id));
      row.append(name, el('div', 'last', c.visitor_typing ? 'typing…' : c.last_message ? c.last_message.content : 'no messages'));
      row.onclick = () => { selected = c.id; lastRendered = ''; refresh(); };
      box.append(row);
    }
  }

  async function refreshChat() {
    if (selected === null) return;
    const c = await call('GET', '/conversations/' + selected);
    $('head').textContent = who(c) + ' — conversation #' + c.id + ' · ' + c.channel + ' · ' + (c.visitor_online ? 'online' : 'offline (no heartbeat)');
    $('typing').textContent = c.visitor_typing ? 'The visitor is typing…' : '';
    $('text').disabled = false;
    $('send').disabled = false;
    const key = JSON.stringify(c.messages.map((m) => m.id));
    if (key === lastRendered) return;
    lastRendered = key;
    const box = $('messages');
    box.replaceChildren();
    for (const m of c.messages) {
      const b = el('div', 'msg ' + m.direction);
      if (m.type === 'attachment' && m.attachments && m.attachments.length) {
        for (const a of m.attachments) {
          const link = el('a', '', a.file_name + ' (' + Math.ceil(a.file_size / 1024) + ' KB)');
          link.href = a.signed_url; link.target = '_blank';
          b.append(link);
        }
      } else b.append(document.createTextNode(m.content));
      b.append(el('div', 'meta', (m.direction === 'outbound' ? (m.agent_name || 'agent') : 'visitor') + ' · ' + new Date(m.created_at).toLocaleTimeString() + ' · #' + m.id));
      box.append(b);
    }
    box.scrollTop = box.scrollHeight;
  }

  async function refreshSettings() {
    const s = await call('GET', '/state');
    if (document.activeElement !== $('online')) $('online').value = s.config.presence.agents_online;
    if (document.activeElement !== $('mode')) $('mode').value = s.agent.mode;
    if (document.activeElement !== $('delay')) $('delay').value = s.agent.delay_ms;
    $('suspended').checked = s.suspended;
  }

  async function refresh() {
    try { await Promise.all([refreshList(), refreshChat()]); } catch (e) { console.warn(e); }
  }

  $('reply').onsubmit = async (ev) => {
    ev.preventDefault();
    const text = $('text').value;
    if (!text.trim() || selected === null) return;
    $('send').disabled = true;
    try {
      await call('POST', '/conversations/' + selected + '/typing', { typing: false });
      await call('POST', '/conversations/' + selected + '/messages', { content: text });
      $('text').value = '';
      typingSentAt = 0;
    } catch (e) { alert('Not sent: ' + e.message); }
    $('send').disabled = false;
    refresh();
  };
  $('text').onkeydown = (ev) => {
    if (ev.key === 'Enter' && !ev.shiftKey) { ev.preventDefault(); $('reply').requestSubmit(); }
  };
  $('text').oninput = () => {
    if (selected === null || Date.now() - typingSentAt < 3000) return;
    typingSentAt = Date.now();
    call('POST', '/conversations/' + selected + '/typing', { typing: true }).catch(() => {});
  };
  $('online').onchange = () => call('PUT', '/agents', { online: Number($('online').value) }).catch((e) => alert(e.message));
  $('mode').onchange = () => call('PATCH', '/agent', { mode: $('mode').value }).catch((e) => alert(e.message));
  $('delay').onchange = () => call('PATCH', '/agent', { delay_ms: Number($('delay').value) }).catch((e) => alert(e.message));
  $('suspended').onchange = () => call('PUT', '/suspended', { suspended: $('suspended').checked }).catch((e) => alert(e.message));

  refresh();
  refreshSettings();
  setInterval(refresh, 1000);
  setInterval(refreshSettings, 5000);
})();
</script>
</body>
</html>
`;
