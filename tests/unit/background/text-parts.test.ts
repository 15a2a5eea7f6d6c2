import { describe, expect, it } from 'vitest';
import { addTextPart, takeText } from '../../../lib/background/text-parts';
import { MAX_PAGE_TEXT } from '../../../lib/messaging/validate';

const id = (n: number) => n.toString(16).padStart(32, '0');

describe('text parts kept for the message that names them (lib/background/text-parts)', () => {
  it('gives a text back once, its parts in order and the last part after them', () => {
    addTextPart(id(1), '坚持');
    addTextPart(id(1), '稳中');
    expect(takeText(id(1), '求进')).toBe('坚持稳中求进');
    expect(takeText(id(1), '求进')).toBeNull();
    expect(takeText(id(2), '')).toBeNull();
  });

  it('keeps four texts at most, the oldest going first (a page closed between its parts)', () => {
    for (let n = 10; n < 15; n++) addTextPart(id(n), `第${n}段`);
    expect(takeText(id(10), '')).toBeNull();
    expect([11, 12, 13, 14].map((n) => takeText(id(n), ''))).toEqual(['第11段', '第12段', '第13段', '第14段']);
  });

  it('stops keeping parts past what an analysis reads, still long enough to say the text was cut', () => {
    const part = '字'.repeat(1_000_000);
    for (let i = 0; i < MAX_PAGE_TEXT / part.length + 3; i++) addTextPart(id(20), part);
    const whole = takeText(id(20), '尾')!;
    expect(whole.length).toBe(MAX_PAGE_TEXT + part.length + 1);
  });
});
