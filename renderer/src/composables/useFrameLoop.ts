import { onBeforeUnmount, onMounted } from 'vue';

/**
 * Calls `onFrame` on every animation frame, and at least every 250 ms when
 * the window is hidden (browsers pause animation frames then, but cues must
 * still sound). The callback reads the clock; how often it runs never
 * changes the timing.
 */
export function useFrameLoop(onFrame: () => void): void {
  let frame = 0;
  let interval: ReturnType<typeof setInterval> | undefined;

  const loop = () => {
    onFrame();
    frame = requestAnimationFrame(loop);
  };

  onMounted(() => {
    frame = requestAnimationFrame(loop);
    interval = setInterval(() => {
      if (document.visibilityState === 'hidden') onFrame();
    }, 250);
  });

  onBeforeUnmount(() => {
    cancelAnimationFrame(frame);
    clearInterval(interval);
  });
}
