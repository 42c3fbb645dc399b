import { describe, expect, it } from 'vitest';
import { decodeEventData, eventBaseName, matchesEvent } from './decode.js';

describe('decodeEventData', () => {
  const payload = { id: 1, content: 'hi' };

  it('passes an object through (pusher-js already parsed the frame data once)', () => {
    expect(decodeEventData(payload)).toBe(payload);
  });

  it('decodes a JSON string encoded once, twice or three times', () => {
    const once = JSON.stringify(payload);
    const twice = JSON.stringify(once);
    expect(decodeEventData(once)).toEqual(payload);
    expect(decodeEventData(twice)).toEqual(payload);
    expect(decodeEventData(JSON.stringify(twice))).toEqual(payload);
  });

  it('gives up on endless nesting', () => {
    let deep: unknown = payload;
    for (let i = 0; i < 10; i++) deep = JSON.stringify(deep);
    expect(decodeEventData(deep)).toBeUndefined();
  });

  it.each([
    ['not JSON', 'not json {'],
    ['a JSON array', '[1,2]'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['an empty string', ''],
    ['undefined', undefined],
    ['null', null],
    ['an array', [payload]],
    ['a number', 7],
  ])('returns undefined for %s', (_, data) => {
    expect(decodeEventData(data)).toBeUndefined();
  });
});

describe('matchesEvent', () => {
  it.each(['MessageCreated', '.MessageCreated', 'App\\Events\\MessageCreated', 'App.Events.MessageCreated'])(
    'matches %s against MessageCreated',
    (name) => {
      expect(matchesEvent(name, 'MessageCreated')).toBe(true);
    },
  );

  it('compares the configured name by its last segment too', () => {
    expect(matchesEvent('MessageCreated', '.MessageCreated')).toBe(true);
    expect(matchesEvent('.MessageCreated', 'App\\Events\\MessageCreated')).toBe(true);
  });

  it.each(['MessageCreatedLater', 'messagecreated', 'App\\Events\\MessageDeleted', 'pusher:subscription_succeeded', 'MessageCreated.', ''])(
    'does not match %j',
    (name) => {
      expect(matchesEvent(name, 'MessageCreated')).toBe(false);
    },
  );

  it('never matches an empty configured name', () => {
    expect(matchesEvent('', '')).toBe(false);
    expect(matchesEvent('.', '.')).toBe(false);
  });

  it('takes the last segment after the last dot or backslash', () => {
    expect(eventBaseName('App\\Events\\Chat.MessageCreated')).toBe('MessageCreated');
    expect(eventBaseName('plain')).toBe('plain');
  });
});
