import { onBeforeUnmount, onMounted } from 'vue';

export interface PlayerKeyActions {
  togglePause(): void;
  next(): void;
  previous(): void;
  askToEnd(): void;
  /** While a dialog is open its own keys apply, not these. */
  isBlocked(): boolean;
}

/** Keys that act on focused controls themselves: leave those to the control. */
function targetHandlesKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('input, select, textarea, [contenteditable="true"]')) return true;
  return key === ' ' && target.closest('button, a, [role="button"]') !== null;
}

/** Space pauses and resumes, arrow keys move between exercises, Escape asks to end. */
export function usePlayerKeyboard(actions: PlayerKeyActions): void {
  const onKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || actions.isBlocked()) return;
    if (targetHandlesKey(event.target, event.key)) return;
    const handlers: Record<string, () => void> = {
      ' ': actions.togglePause,
      ArrowRight: actions.next,
      ArrowLeft: actions.previous,
      Escape: actions.askToEnd,
    };
    const handler = handlers[event.key];
    if (!handler) return;
    event.preventDefault();
    handler();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
