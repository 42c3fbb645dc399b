/**
 * The drop-in screen in a browser page through react-native-web, as a phone shows it. Options come
 * from the page's query: `key`, `base`, `visitor`, `scheme` (light | dark), `locale`.
 */
import { AppRegistry } from 'react-native';
import { TickkiChatScreen, type PickedAttachment, type VoiceRecorder } from '../../src/index';

const query = new URLSearchParams(location.search);

/** Stands in for the app's file picker: a small text file, as a `data:` URL. */
const pickAttachment = async (): Promise<PickedAttachment> => ({
  uri: `data:text/plain;base64,${btoa('Order #1042 receipt\n'.repeat(4000))}`,
  name: 'receipt-1042.txt',
  type: 'text/plain',
});

/**
 * Stands in for the app's recorder (expo-audio on a phone): the browser's `MediaRecorder`, which the
 * test's Chromium feeds from its fake microphone. The note goes up as a `blob:` URL, as on the web.
 */
const recordVoice: VoiceRecorder = async () => {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true }).catch(() => null);
  if (!stream) return null;
  const recorder = new MediaRecorder(stream);
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  recorder.start();
  const stop = () =>
    new Promise<Blob>((done) => {
      recorder.onstop = () => done(new Blob(chunks, { type: recorder.mimeType }));
      recorder.stop();
      stream.getTracks().forEach((track) => track.stop());
    });
  return {
    stop: async () => {
      const blob = await stop();
      return { uri: URL.createObjectURL(blob), name: '', type: blob.type.split(';')[0]!, size: blob.size };
    },
    cancel: () => void stop(),
  };
};

/** An app's own overrides over the shared Arabic table, as an app would give them: the right-to-left picture. */
const arabic = {
  preChatIntro: 'أخبرنا من أنت حتى نتمكن من الرد عليك.',
  name: 'الاسم',
  email: 'البريد الإلكتروني',
  startChat: 'ابدأ المحادثة',
  away: 'لا أحد متاح الآن. اترك رسالة وسنعود إليك.',
  placeholder: 'اكتب رسالة…',
  send: 'إرسال',
};

function App() {
  return (
    <TickkiChatScreen
      publishableKey={query.get('key')!}
      baseUrl={query.get('base')!}
      visitorId={query.get('visitor')!}
      colorScheme={(query.get('scheme') as 'light' | 'dark' | null) ?? 'system'}
      locale={query.get('locale') ?? 'en'}
      {...(query.get('locale') === 'ar' ? { strings: arabic } : {})}
      pickAttachment={pickAttachment}
      {...(query.has('voice') ? { recordVoice } : {})}
      onClose={query.has('close') ? () => undefined : undefined}
      {...(query.has('retries') ? { retry: { retries: Number(query.get('retries')), baseMs: 100, maxMs: 200 } } : {})}
    />
  );
}

AppRegistry.registerComponent('chat', () => App);
AppRegistry.runApplication('chat', { rootTag: document.getElementById('root') });
