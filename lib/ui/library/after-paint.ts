import { useLayoutEffect, useState } from 'preact/hooks';

/**
 * Runs `callback` once the browser has rendered the next frame. A bare setTimeout(0) after a render
 * often runs before that frame (tasks go first when a frame is not yet due), so work meant to follow
 * the first screen — the rest of a table, the filter menus' values — delayed the first screen instead.
 * A task posted from requestAnimationFrame runs after the frame it preceded. Hidden tabs get no
 * frames, so a timer stands in after `fallbackMs`.
 */
export function afterNextPaint(callback: () => void, fallbackMs = 200): () => void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    callback();
  };
  const frame = requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = run;
    channel.port2.postMessage(null);
  });
  const fallback = setTimeout(run, fallbackMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}

/**
 * False until a frame has been rendered after `ready` first became true; then true for good. (A layout
 * effect: a plain one would itself wait for a frame before asking for the next.)
 */
export function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useLayoutEffect(() => {
    if (!ready || painted) return;
    return afterNextPaint(() => setPainted(true));
  }, [ready, painted]);
  return painted;
}
