import { describe, expect, it } from 'vitest';
import { addTextPart, takeText } from '../../../lib/background/text-parts';
import { MAX_PAGE_TEXT } from '../../../lib/messaging/validate';

const id = (n: number) => n.toString(16).padStart(32, '0');

describe('text parts kept for the message that names them (lib/background/text-parts)', () => {
  it('gives a text back once, its parts in order and the last part after them', () => {
    addTextPart(id(1), '坚持', 0);
    addTextPart(id(1), '稳中', 2);
    expect(takeText(id(1), '求进')).toBe('坚持稳中求进');
    expect(takeText(id(1), '求进')).toBeNull();
    expect(takeText(id(2), '')).toBeNull();
  });

  it('keeps sixteen texts at most, the one longest without a new part going first (a page closed between its parts)', () => {
    for (let n = 10; n < 27; n++) addTextPart(id(n), `第${n}段`, 0);
    expect(takeText(id(10), '')).toBeNull();
    expect(takeText(id(11), '')).toBe('第11段');
    // 12 is still coming in: a new part keeps it, and 13, idle since, goes instead.
    addTextPart(id(12), '又', 4);
    addTextPart(id(27), '第27段', 0);
    addTextPart(id(28), '第28段', 0);
    expect(takeText(id(13), '')).toBeNull();
    expect(takeText(id(12), '')).toBe('第12段又');
  });

  it('never starts a text again from a later part: a text dropped between its parts is gone, not cut short', () => {
    addTextPart(id(30), '坚持', 0);
    for (let n = 40; n < 56; n++) addTextPart(id(n), '字', 0);
    addTextPart(id(30), '稳中', 2);
    expect(takeText(id(30), '求进')).toBeNull();
    // A part that does not follow the ones kept (lost in between) drops the text.
    addTextPart(id(31), '坚持', 0);
    addTextPart(id(31), '求进', 4);
    expect(takeText(id(31), '')).toBeNull();
  });

  it('keeps no more characters in all than two of the longest texts an analysis reads', () => {
    const part = '字'.repeat(1_000_000);
    for (let i = 0; i < 7; i++) addTextPart(id(60), part, i * part.length);
    for (let i = 0; i < 7; i++) addTextPart(id(61), part, i * part.length);
    for (let i = 0; i < 7; i++) addTextPart(id(62), part, i * part.length);
    expect(takeText(id(60), '')).toBeNull();
    expect(takeText(id(61), '')).toHaveLength(7_000_000);
    expect(takeText(id(62), '')).toHaveLength(7_000_000);
  });

  it('stops keeping parts past what an analysis reads, still long enough to say the text was cut', () => {
    const part = '字'.repeat(1_000_000);
    for (let i = 0; i < MAX_PAGE_TEXT / part.length + 3; i++) addTextPart(id(20), part, i * part.length);
    const whole = takeText(id(20), '尾')!;
    expect(whole.length).toBe(MAX_PAGE_TEXT + part.length + 1);
  });
});
