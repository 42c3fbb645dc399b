/** What every part of the screen reads: the resolved strings, the theme and the layout direction. */
import { createContext, useContext } from 'react';
import type { ChatStrings } from '@tickki/chat-ui';
import { chatStrings } from '@tickki/chat-ui/strings';
import { chatTheme, type ChatTheme } from './theme.js';

/** @internal The screen's strings, theme and direction. */
export interface ChatUi {
  strings: ChatStrings;
  theme: ChatTheme;
  rtl: boolean;
  /** The resolved locale (BCP 47): message times and day headings. */
  locale: string;
}

/** @internal */
export const ChatUiContext = createContext<ChatUi>({ strings: chatStrings(), theme: chatTheme(undefined, false), rtl: false, locale: 'en' });

/** @internal */
export const useChatUi = (): ChatUi => useContext(ChatUiContext);
