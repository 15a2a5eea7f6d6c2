import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REREAD_DELAYS_MS, rereader } from '../../../lib/ui/reread';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('rereader', () => {
  it('reads again after each pause in turn, then stops: bounded, not a poll', () => {
    const read = vi.fn();
    const later = rereader(read, new AbortController().signal, [100, 300]);
    expect(later.later()).toBe(true);
    vi.advanceTimersByTime(99);
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(read).toHaveBeenCalledTimes(1);
    expect(later.later()).toBe(true);
    vi.advanceTimersByTime(299);
    expect(read).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(read).toHaveBeenCalledTimes(2);
    // Spent: nothing scheduled.
    expect(later.later()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('a reset cancels the pending read and gives the pauses their full count again', () => {
    const read = vi.fn();
    const later = rereader(read, new AbortController().signal, [100, 300]);
    later.later();
    later.reset();
    vi.advanceTimersByTime(1000);
    expect(read).not.toHaveBeenCalled();
    later.later();
    later.later();
    // One read pending at a time: the second call replaced the first.
    vi.advanceTimersByTime(299);
    expect(read).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(read).toHaveBeenCalledTimes(1);
    expect(later.later()).toBe(false);
    later.reset();
    expect(later.later()).toBe(true);
    vi.advanceTimersByTime(100);
    expect(read).toHaveBeenCalledTimes(2);
  });

  it('nothing is read once the popup closed', () => {
    const read = vi.fn();
    const controller = new AbortController();
    const later = rereader(read, controller.signal, [100]);
    later.later();
    controller.abort();
    vi.advanceTimersByTime(1000);
    expect(read).not.toHaveBeenCalled();
    expect(later.later()).toBe(false);
  });

  it('waits a few seconds in all before giving up', () => {
    const total = REREAD_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(total).toBeLessThanOrEqual(5000);
  });
});
