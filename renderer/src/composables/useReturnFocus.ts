import { onUnmounted } from 'vue';
import { focusPageHeading } from './usePageFocus';

/**
 * For a dialog: when it closes, focus goes back to the control that opened
 * it (or, if that control has gone too, to the screen's heading) instead of
 * the page's body, where a keyboard or screen-reader user would start again
 * from the top. Call it in the dialog's setup, before the dialog takes focus.
 */
export function useReturnFocus(): void {
  const opener = document.activeElement;
  onUnmounted(() => {
    // Focus was put somewhere on purpose as the dialog closed (what comes next): it stays there.
    const active = document.activeElement;
    if (active !== null && active !== document.body) return;
    if (opener instanceof HTMLElement && opener !== document.body && opener.isConnected) opener.focus();
    else focusPageHeading();
  });
}
