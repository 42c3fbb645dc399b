/**
 * Voice notes and media against the sandbox: the record button (only with voice notes on and the
 * app's `recordVoice`), the time while recording, cancel and send through the upload, a refused
 * microphone and a recorder that cannot record; the agent's audio playing through the app's
 * `playAudio` (or opening in the system's player without one) and its picture as a thumbnail.
 */
import { Linking } from 'react-native';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react-native';
import type { ChatMessage } from '@tickki/chat';
import { TickkiChatScreen, TickkiChatView, useChatScreen, type AudioPlaybackStatus, type AudioPlayerFactory, type ChatScreenHandle, type VoiceRecorder } from '../src/index';
import { MessageBubble } from '../src/message-bubble';
import { freshDevice, startSandbox, stored, typeAndSend, untilReady, untilSubscribed, type Sandbox } from './helpers';

let sb: Sandbox;
beforeAll(async () => void (sb = await startSandbox(['--agent', 'off'])));
afterAll(() => sb?.close());
beforeEach(async () => {
  await sb.control('POST', '/reset');
  await sb.control('PATCH', '/config', { features: { file_uploads: true, voice_notes: true } });
  await freshDevice();
});

const until = { timeout: 15_000 };

/** A recorder as an app writes one: what it was asked, and the file it gives. */
function fakeRecorder(file: { uri: string; name: string; type: string; size?: number } | null = { uri: 'file:///tmp/rec.m4a', name: '', type: '', size: 2048 }) {
  const calls = { starts: 0, stops: 0, cancels: 0 };
  const recordVoice: VoiceRecorder = async () => {
    calls.starts++;
    return {
      stop: async () => (calls.stops++, file),
      cancel: () => void calls.cancels++,
    };
  };
  return { recordVoice, calls };
}

/** The screen through `TickkiChatView`, so the test holds its `ChatScreen`. */
function Harness(props: { visitorId: string; recordVoice?: VoiceRecorder; playAudio?: AudioPlayerFactory; onHandle(h: ChatScreenHandle): void }) {
  const chat = useChatScreen({ publishableKey: sb.key, baseUrl: sb.origin, visitorId: props.visitorId });
  props.onHandle(chat);
  return <TickkiChatView chat={chat} {...(props.recordVoice ? { recordVoice: props.recordVoice } : {})} {...(props.playAudio ? { playAudio: props.playAudio } : {})} />;
}

it('refuses a note over limits.max_upload_kb before uploading, with the files notice', async () => {
  await sb.control('PATCH', '/config', { limits: { max_upload_kb: 1 } });
  const { recordVoice } = fakeRecorder({ uri: 'file:///tmp/long.m4a', name: 'long.m4a', type: 'audio/mp4', size: 50_000 });
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_rec_big" recordVoice={recordVoice} />);
  await untilReady();
  await fireEvent.press(screen.getByRole('button', { name: 'Record a voice message' }));
  await fireEvent.press(await screen.findByRole('button', { name: 'Send voice message' }));
  expect(await screen.findByText('Files can be at most 1 KB.', {}, until)).toBeTruthy();
  expect((await sb.control<{ data: { operation: string }[] }>('GET', '/requests')).data.some((r) => r.operation === 'uploadAttachment')).toBe(false);
  // the notice passes (the screen's timer: jest would wait for it at the end otherwise)
  await waitFor(() => expect(screen.queryByText('Files can be at most 1 KB.')).toBeNull(), { timeout: 8000 });
});

it('records through the app: the time while recording, send uploads the note, cancel throws it away', async () => {
  const { recordVoice, calls } = fakeRecorder();
  let handle!: ChatScreenHandle;
  await render(<Harness visitorId="v_rec" recordVoice={recordVoice} onHandle={(h) => (handle = h)} />);
  await untilReady();
  const upload = jest.spyOn(handle.screen, 'upload').mockImplementation(() => undefined);

  await fireEvent.press(screen.getByRole('button', { name: 'Record a voice message' }));
  expect(await screen.findByText('Recording 0:00')).toBeTruthy();
  expect(screen.queryByLabelText('Write a message…')).toBeNull();
  // the time moves on: "0:01" shows for a second only and a busy machine may poll past it, so at least 0:01
  expect(await screen.findByText(/^Recording 0:0[1-9]$/, {}, { timeout: 5000 })).toBeTruthy();
  await fireEvent.press(screen.getByRole('button', { name: 'Send voice message' }));
  await waitFor(() => expect(upload).toHaveBeenCalledTimes(1));
  // the core gets React Native's `{ uri, name, type }`, named and typed when the recorder did not
  const [[file]] = upload.mock.calls[0]! as unknown as [[{ uri: string; name: string; type: string; size: number }]];
  expect(file).toMatchObject({ uri: 'file:///tmp/rec.m4a', type: 'audio/mp4', size: 2048 });
  expect(file.name).toMatch(/^voice-\d{4}-\d\d-\d\d-\d{6}\.m4a$/);
  expect(calls).toEqual({ starts: 1, stops: 1, cancels: 0 });
  expect(screen.getByLabelText('Write a message…')).toBeTruthy();

  await fireEvent.press(screen.getByRole('button', { name: 'Record a voice message' }));
  await fireEvent.press(await screen.findByRole('button', { name: 'Cancel recording' }));
  expect(calls).toEqual({ starts: 2, stops: 1, cancels: 1 });
  expect(upload).toHaveBeenCalledTimes(1);
  expect(screen.getByLabelText('Write a message…')).toBeTruthy();
});

it('says so when the microphone is refused, or the recorder cannot record; typing clears it', async () => {
  let answer: () => Promise<null> = async () => null;
  const recordVoice: VoiceRecorder = () => answer();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_rec_no" recordVoice={recordVoice} />);
  await untilReady();
  await fireEvent.press(screen.getByRole('button', { name: 'Record a voice message' }));
  expect(await screen.findByText("Microphone access was refused. Allow it in your browser's site settings to record.")).toBeTruthy();
  expect(screen.getByLabelText('Write a message…')).toBeTruthy();
  answer = async () => {
    throw new Error('no recorder');
  };
  await fireEvent.press(screen.getByRole('button', { name: 'Record a voice message' }));
  expect(await screen.findByText("Voice messages can't be recorded in this browser.")).toBeTruthy();
  await fireEvent.changeText(screen.getByLabelText('Write a message…'), 'ok');
  expect(screen.queryByText("Voice messages can't be recorded in this browser.")).toBeNull();
});

it('shows the record button only with voice notes and file uploads on and a recorder given', async () => {
  const { recordVoice } = fakeRecorder();
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_rec_none" />);
  await untilReady();
  expect(screen.queryByRole('button', { name: 'Record a voice message' })).toBeNull();
  await screen.unmount();
  for (const features of [{ voice_notes: false, file_uploads: true }, { voice_notes: true, file_uploads: false }]) {
    await sb.control('PATCH', '/config', { features });
    await freshDevice();
    await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId={`v_rec_${features.voice_notes}`} recordVoice={recordVoice} />);
    await untilReady();
    expect(screen.queryByRole('button', { name: 'Record a voice message' })).toBeNull();
    await screen.unmount();
  }
});

it("plays the agent's audio through playAudio and shows its picture as a thumbnail that opens full size", async () => {
  await sb.control('PATCH', '/agent', { mode: 'echo', delay_ms: 0 });
  const open = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
  const players: { uri: string; play: jest.Mock; pause: jest.Mock; release: jest.Mock; emit(s: AudioPlaybackStatus): void }[] = [];
  const playAudio: AudioPlayerFactory = (uri) => {
    const listeners = new Set<(s: AudioPlaybackStatus) => void>();
    const player = { uri, play: jest.fn(), pause: jest.fn(), release: jest.fn(), emit: (s: AudioPlaybackStatus) => listeners.forEach((l) => l(s)) };
    players.push(player);
    return { play: player.play, pause: player.pause, release: player.release, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  };
  await render(<TickkiChatScreen publishableKey={sb.key} baseUrl={sb.origin} visitorId="v_media" playAudio={playAudio} />);
  await untilReady();
  // attachments come with the broadcast (a history page has none): subscribed before asking
  await untilSubscribed(sb, 'v_media');

  await typeAndSend('A photo of the lake?', fireEvent);
  const picture = await screen.findByRole('link', { name: 'Image: lakeside.png' }, until);
  const thumb = screen.getByTestId('tickki-thumbnail');
  expect(thumb.props.source.uri).toMatch(new RegExp(`^${sb.origin}/attachments/\\d+/lakeside\\.png\\?`));
  // the picture's proportions (480 × 320) within 220 × 180
  await act(async () => thumb.props.onLoad({ nativeEvent: { source: { width: 480, height: 320 } } }));
  expect(screen.getByTestId('tickki-thumbnail')).toHaveStyle({ width: 220, height: 220 * (320 / 480) });
  await fireEvent.press(picture);
  expect(open).toHaveBeenCalledWith(thumb.props.source.uri);

  await typeAndSend('and a voice note', fireEvent);
  const play = await screen.findByRole('button', { name: 'Play' }, until);
  expect(players).toHaveLength(1);
  expect(players[0]!.uri).toMatch(/\/attachments\/\d+\/voice-note\.wav\?/);
  await act(async () => players[0]!.emit({ playing: false, position: 0, duration: 2.4 }));
  expect(screen.getByText('0:02')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Play' }).props.accessibilityHint).toBe('Northwind Outfitters: Voice message 0:02');
  await fireEvent.press(play);
  expect(players[0]!.play).toHaveBeenCalledTimes(1);
  await act(async () => players[0]!.emit({ playing: true, position: 1.2, duration: 2.4 }));
  expect(screen.getByText('0:01')).toBeTruthy();
  await fireEvent.press(screen.getByRole('button', { name: 'Pause' }));
  expect(players[0]!.pause).toHaveBeenCalledTimes(1);
  await act(async () => players[0]!.emit({ playing: false, position: 1.2, duration: 2.4 }));

  // one note at a time: playing the second pauses the first
  await typeAndSend('another voice note', fireEvent);
  await waitFor(() => expect(players).toHaveLength(2), until);
  const counts = (of: 'play' | 'pause') => players.map((p) => p[of].mock.calls.length);
  let plays = counts('play');
  await fireEvent.press(screen.getAllByRole('button', { name: 'Play' })[0]!);
  const first = counts('play').findIndex((n, i) => n > plays[i]!);
  expect(first).toBeGreaterThanOrEqual(0);
  const second = 1 - first;
  await act(async () => players[first]!.emit({ playing: true, position: 0.5, duration: 2.4 }));
  const pauses = counts('pause');
  plays = counts('play');
  await fireEvent.press(screen.getByRole('button', { name: 'Play' })); // the other note's
  expect(counts('play')).toEqual(plays.map((n, i) => (i === second ? n + 1 : n)));
  expect(counts('pause')).toEqual(pauses.map((n, i) => (i === first ? n + 1 : n)));

  expect((await stored(sb, 'v_media')).filter((m) => m.direction === 'outbound')).toHaveLength(3);
  await screen.unmount();
  expect(players[0]!.release).toHaveBeenCalled();
  expect(players[1]!.release).toHaveBeenCalled();
  open.mockRestore();
});

const agentFile = (mimeType: string, fileName: string, signedUrl: string): ChatMessage => ({
  id: 2,
  key: '2',
  direction: 'outbound',
  type: 'attachment',
  content: fileName,
  createdAt: new Date(),
  isFromAgent: true,
  status: 'sent',
  clientId: undefined,
  error: undefined,
  attachments: [{ id: 7, fileName, mimeType, fileSize: 10, signedUrl }],
});

it('without playAudio, audio opens in the system player; pictures and sounds load only from http(s) URLs', async () => {
  const open = jest.spyOn(Linking, 'openURL').mockResolvedValue(true);
  await render(<MessageBubble message={agentFile('audio/mpeg', 'hello.mp3', 'https://files.example/hello.mp3')} agentName="Sarah" />);
  expect(screen.getByText('Voice message')).toBeTruthy();
  await fireEvent.press(screen.getByRole('button', { name: 'Play' }));
  expect(open).toHaveBeenCalledWith('https://files.example/hello.mp3');
  for (const [type, name] of [
    ['audio/mpeg', 'hello.mp3'],
    ['image/png', 'cat.png'],
  ]) {
    for (const url of ['javascript:alert(1)', 'file:///data/secret.png', 'data:image/png;base64,AAAA']) {
      open.mockClear();
      await screen.unmount();
      await render(<MessageBubble message={agentFile(type!, name!, url)} agentName="Sarah" />);
      expect(screen.queryByTestId('tickki-thumbnail')).toBeNull();
      expect(screen.queryByRole('button')).toBeNull();
      expect(screen.queryByRole('link')).toBeNull();
      await fireEvent.press(screen.getByText(name!));
      expect(open).not.toHaveBeenCalled();
    }
  }
  open.mockRestore();
});
