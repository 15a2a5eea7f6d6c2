// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../../lib/ui/library/after-paint';

afterEach(() => vi.restoreAllMocks());

describe('afterNextPaint', () => {
  it('runs after the next frame, in a task of its own, not in the frame callback', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => (frames.push(cb), 1));
    const calls: string[] = [];
    afterNextPaint(() => calls.push('after'));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([]);
    frames[0]!(0);
    calls.push('frame done');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual(['frame done', 'after']);
  });

  it('falls back to a timer where no frame comes (a hidden tab), and runs once', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => (frames.push(cb), 1));
    const cb = vi.fn();
    afterNextPaint(cb, 30);
    await new Promise((r) => setTimeout(r, 60));
    expect(cb).toHaveBeenCalledTimes(1);
    frames[0]!(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('does nothing once cancelled', async () => {
    const cb = vi.fn();
    const cancel = afterNextPaint(cb, 30);
    cancel();
    await new Promise((r) => setTimeout(r, 60));
    expect(cb).not.toHaveBeenCalled();
  });
});
