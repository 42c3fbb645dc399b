import { useEffect, useState } from 'react';
import { Modal, Platform } from 'react-native';
import { TickkiChatScreen, type TickkiChatScreenProps } from './screen.js';

/** What {@link TickkiChatModal.show} takes: the screen's props (`onClose` is called after it closes), and `onOpenChange`. */
export type TickkiChatModalOptions = TickkiChatScreenProps & {
  /** `true` when the modal opens, `false` when it closes (✕, back button, swipe, `hide()`). */
  onOpenChange?: (open: boolean) => void;
};

type Show = (options: TickkiChatModalOptions | undefined) => void;
let host: Show | undefined;
let closed: (() => void) | undefined;
/** The options of the modal shown, for `onOpenChange(false)` however it closes. */
let shown: TickkiChatModalOptions | undefined;

/** Tells the shown modal's `onOpenChange` that it closed, and resolves its `show()`. */
function settle(): void {
  const [done, options] = [closed, shown];
  closed = shown = undefined;
  options?.onOpenChange?.(false);
  done?.();
}

/**
 * Hosts the chat modal of {@link TickkiChatModal.show}: render it once, at the root of the app
 * (next to the navigator).
 *
 * ```tsx
 * export default () => (<><AppNavigator /><TickkiChatHost /></>);
 * ```
 */
export function TickkiChatHost() {
  const [options, setOptions] = useState<TickkiChatModalOptions | undefined>();
  useEffect(() => {
    host = setOptions;
    return () => {
      if (host === setOptions) host = undefined;
    };
  }, []);
  const close = () => {
    setOptions(undefined);
    options?.onClose?.();
    settle();
  };
  return (
    <Modal
      visible={options !== undefined}
      animationType="slide"
      presentationStyle={Platform.OS === 'ios' ? 'pageSheet' : undefined}
      onRequestClose={close}
    >
      {options ? (
        // an iOS page sheet starts below the status bar: no top inset
        <TickkiChatScreen {...screenProps(options)} {...(Platform.OS === 'ios' ? { safeAreaInsets: { ...options.safeAreaInsets, top: 0 } } : {})} onClose={close} />
      ) : null}
    </Modal>
  );
}

/** The screen's props of the modal's options. */
const screenProps = ({ onOpenChange: _, ...props }: TickkiChatModalOptions): TickkiChatScreenProps => props;

/**
 * The chat as a modal, opened with one call from anywhere (a "Help" button, a deep link), like the
 * Flutter SDK's `TickkiChatWidget.show(context, …)`. Needs one {@link TickkiChatHost} mounted.
 */
export const TickkiChatModal = {
  /**
   * Opens the chat; resolves when the visitor closes it (back button, swipe down, ✕) or
   * {@link TickkiChatModal.hide} is called. Throws when no `<TickkiChatHost />` is mounted.
   *
   * ```ts
   * await TickkiChatModal.show({ publishableKey: 'pk_live_…', visitorId: user.id });
   * ```
   */
  show(options: TickkiChatModalOptions): Promise<void> {
    if (!host) return Promise.reject(new Error('TickkiChatModal.show needs <TickkiChatHost /> mounted at the root of the app.'));
    settle();
    host(options);
    shown = options;
    options.onOpenChange?.(true);
    return new Promise<void>((resolve) => (closed = resolve));
  },
  /** Closes the chat if open. */
  hide(): void {
    host?.(undefined);
    settle();
  },
};
