import { describe, expect, it, vi } from 'vitest';
import { serialRefresh } from '../../../lib/ui/serial-refresh';

/** A read whose answers the test hands out one by one, in any order. */
function controlledReads() {
  const pending: { resolve(v: number): void; reject(e: unknown): void }[] = [];
  let n = 0;
  const read = vi.fn(
    () =>
      new Promise<number>((resolve, reject) => {
        pending.push({ resolve, reject });
        n++;
      }),
  );
  return { read, pending, started: () => n };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('serialRefresh', () => {
  it('reads once per ask when asks do not overlap', async () => {
    const { read, pending } = controlledReads();
    const applied: number[] = [];
    const refresh = serialRefresh(read, (v) => applied.push(v));
    const first = refresh();
    pending[0]!.resolve(1);
    await first;
    const second = refresh();
    pending[1]!.resolve(2);
    await second;
    expect(applied).toEqual([1, 2]);
  });

  it('never lets an older answer land over a newer one: reads run one at a time, in order', async () => {
    const { read, pending, started } = controlledReads();
    const applied: number[] = [];
    const refresh = serialRefresh(read, (v) => applied.push(v));
    const a = refresh();
    const b = refresh();
    // The second read waits for the first: a slow first answer cannot arrive after the second's.
    expect(started()).toBe(1);
    pending[0]!.resolve(1);
    await a;
    await tick();
    expect(started()).toBe(2);
    pending[1]!.resolve(2);
    await b;
    expect(applied).toEqual([1, 2]);
  });

  it('shares one more read among every ask made while a read is on its way', async () => {
    const { read, pending, started } = controlledReads();
    const applied: number[] = [];
    const refresh = serialRefresh(read, (v) => applied.push(v));
    void refresh();
    const asks = [refresh(), refresh(), refresh()];
    pending[0]!.resolve(1);
    await tick();
    pending[1]!.resolve(2);
    await Promise.all(asks);
    expect(started()).toBe(2);
    expect(applied).toEqual([1, 2]);
  });

  it('settles an ask only after a read that started after it was applied', async () => {
    const { read, pending } = controlledReads();
    const applied: number[] = [];
    const refresh = serialRefresh(read, (v) => applied.push(v));
    void refresh();
    let settled = false;
    void refresh().then(() => (settled = true));
    pending[0]!.resolve(1);
    await tick();
    expect(settled).toBe(false);
    pending[1]!.resolve(2);
    await tick();
    expect(settled).toBe(true);
    expect(applied.at(-1)).toBe(2);
  });

  it('reports a failed read and goes on with the next', async () => {
    const { read, pending } = controlledReads();
    const applied: number[] = [];
    const errors: unknown[] = [];
    const refresh = serialRefresh(read, (v) => applied.push(v), { onError: (e) => errors.push(e) });
    const a = refresh();
    pending[0]!.reject(new Error('gone'));
    await a;
    const b = refresh();
    pending[1]!.resolve(3);
    await b;
    expect(errors).toHaveLength(1);
    expect(applied).toEqual([3]);
  });

  it('applies nothing once its signal aborted (the page unmounted)', async () => {
    const { read, pending, started } = controlledReads();
    const applied: number[] = [];
    const controller = new AbortController();
    const refresh = serialRefresh(read, (v) => applied.push(v), { signal: controller.signal });
    const a = refresh();
    controller.abort();
    pending[0]!.resolve(1);
    await a;
    await refresh();
    expect(applied).toEqual([]);
    expect(started()).toBe(1);
  });
});
