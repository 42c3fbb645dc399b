import { useEffect, useRef } from 'preact/hooks';
import type { ChatStrings, VisitorFields } from '@tickki/chat-ui';

/** Props of {@link PreChat}. */
export interface PreChatProps {
  strings: ChatStrings;
  /** Changes when the visitor opens the chat (not on a restored page load): the first field takes the focus. */
  focusKey: number;
  onSubmit(fields: VisitorFields): void;
}

/**
 * The pre-chat form (`identification.required_on_start`): the visitor's email, and a name if they
 * like, start the chat (the contract requires the email only).
 */
export function PreChat({ strings: s, focusKey, onSubmit }: PreChatProps) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusKey) first.current?.focus();
  }, [focusKey]);
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
        <input ref={first} name="name" autoComplete="name" />
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
