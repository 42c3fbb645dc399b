import type { ChatStrings, VisitorFields } from '@tickki/chat-ui';

/** The pre-chat form (`identification.required_on_start`): the visitor's name and email start the chat. */
export function PreChat({ strings: s, onSubmit }: { strings: ChatStrings; onSubmit(fields: VisitorFields): void }) {
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        onSubmit({ name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim() });
      }}
    >
      <p>{s.preChatIntro}</p>
      <label>
        {s.name}
        <input name="name" autoComplete="name" required />
      </label>
      <label>
        {s.email}
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <button type="submit" class="primary">
        {s.startChat}
      </button>
    </form>
  );
}
