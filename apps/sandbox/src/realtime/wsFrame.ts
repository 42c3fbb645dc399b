/**
 * Frames `text` as one unmasked, final websocket text frame (RFC 6455 §5.2), the shape a
 * server sends, in a single allocation. Building the frame once lets a broadcast write the
 * very same bytes to every subscriber's socket.
 */
export function textFrame(text: string): Buffer {
  const len = Buffer.byteLength(text);
  const headerLength = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + len);
  frame[0] = 0x81; // FIN + opcode 1 (text)
  if (len < 126) {
    frame[1] = len;
  } else if (len < 65536) {
    frame[1] = 126;
    frame.writeUInt16BE(len, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(len / 2 ** 32), 2);
    frame.writeUInt32BE(len >>> 0, 6);
  }
  frame.write(text, headerLength, 'utf8');
  return frame;
}
