import { describe, expect, it } from 'vitest';
import { buttonKind, CALLBACK_DATA_LIMIT, type ButtonKind, type Fields, type FieldType } from '../../src/buttons/kind.ts';
import * as KINDS from '../../src/buttons/kinds.ts';

const every = Object.entries(KINDS).flatMap(([group, kinds]) =>
  Object.entries(kinds as Record<string, ButtonKind<Fields>>).map(([name, kind]) => ({ name: `${group}.${name}`, kind })),
);

/** A valid value of a field's type: the press a keyboard would build, made from the declaration. */
function sample(type: FieldType, i: number): string | number {
  if (type === 'int') return -42 - i;
  if (type === 'nat') return 7 + i;
  if (type === 'word') return `w${i}`;
  return type[type.length - 1] as string;
}

describe('button kinds', () => {
  it('pack named fields and unpack them with their types', () => {
    const kind = buttonKind('ex:pg', [['query', 'word'], ['page', 'nat'], ['side', ['i', 'e']], ['chat', 'int']]);
    const data = kind.pack({ query: 'k3', page: 12, side: 'e', chat: -1001234567890 });
    expect(data).toBe('ex:pg:k3:12:e:-1001234567890');
    expect(kind.unpack(data)).toEqual({ query: 'k3', page: 12, side: 'e', chat: -1001234567890 });
    expect(kind.trigger.test(data)).toBe(true);
  });

  it('refuse forged, cut, stretched or foreign data instead of reading it by position', () => {
    const kind = buttonKind('ex:pg', [['query', 'word'], ['page', 'nat'], ['side', ['i', 'e']]]);
    for (const forged of ['ex:pg:k3:12', 'ex:pg:k3:12:e:extra', 'ex:pg:k3:-1:e', 'ex:pg:k3:12:x', 'ex:pg:k 3:12:e', 'ex:pg:k3:1.5:e', 'ex:pg::12:e', 'other:k3:12:e', 'ex:pg:k3:99999999999999999:e', '', `ex:pg:${'a'.repeat(70)}:1:e`]) {
      expect(kind.unpack(forged), forged).toBeUndefined();
    }
    expect(kind.unpack(undefined)).toBeUndefined();
  });

  it('refuse to build a button whose data would break Telegram’s 64-byte limit or its own separator', () => {
    const kind = buttonKind('ex', [['word', 'word']]);
    expect(() => kind.pack({ word: 'a'.repeat(CALLBACK_DATA_LIMIT) })).toThrow(/over 64 bytes/);
    expect(() => kind.pack({ word: 'a:b' })).toThrow(/not a valid word/);
    expect(() => kind.pack({ word: 'Таджикистан' })).toThrow(/not a valid word/);
  });

  it('read every press of the bot with exactly one declared kind', () => {
    expect(every.length).toBeGreaterThan(30);
    for (const { name, kind } of every) {
      const values = Object.fromEntries(kind.fields.map(([n, t], i) => [n, sample(t, i)]));
      const data = kind.pack(values as never);
      expect(kind.unpack(data)).toEqual(values);
      const readers = every.filter((other) => other.kind.unpack(data) !== undefined).map((other) => other.name);
      expect(readers, `${name} packs "${data}"`).toEqual([name]);
      expect(kind.trigger.test(data)).toBe(true);
    }
  });
});
