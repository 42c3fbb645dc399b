// What an app's code does: import the screen by package name (Metro resolves it as an app would).
import { TickkiChatModal, TickkiChatScreen } from '@tickki/chat-react-native';

globalThis.tickki = [TickkiChatScreen, TickkiChatModal];
