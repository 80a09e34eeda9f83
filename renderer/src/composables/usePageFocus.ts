import { nextTick, onBeforeUnmount } from 'vue';
import { START_LOCATION, useRouter } from 'vue-router';

/**
 * How long a screen may take to draw its heading (some draw it only once
 * their data have arrived) before focus is left where it is.
 */
const HEADING_WAIT_MS = 5000;

const pageMain = (): HTMLElement | null => document.getElementById('main');
const pageHeading = (): HTMLElement | null => pageMain()?.querySelector('h1') ?? null;

function focusHeading(heading: HTMLElement): void {
  // Focusable by script only: tabindex -1 keeps the heading out of the Tab order.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  // The screen has already been scrolled to its top; the heading is there.
  heading.focus({ preventScroll: true });
}

/** Focuses the main heading of the screen; false when it has none (yet). */
export function focusPageHeading(): boolean {
  const heading = pageHeading();
  if (heading) focusHeading(heading);
  return heading !== null;
}

/** The screen's main heading once it is drawn, or null if it is not drawn within the wait. */
function headingDrawn(): Promise<HTMLElement | null> {
  const main = pageMain();
  const drawn = pageHeading();
  if (drawn || !main) return Promise.resolve(drawn);
  return new Promise((resolve) => {
    const finish = (heading: HTMLElement | null) => {
      observer.disconnect();
      clearTimeout(giveUp);
      resolve(heading);
    };
    const observer = new MutationObserver(() => {
      const heading = pageHeading();
      if (heading) finish(heading);
    });
    const giveUp = setTimeout(() => finish(null), HEADING_WAIT_MS);
    observer.observe(main, { childList: true, subtree: true });
  });
}

/**
 * Whether the new screen has put focus somewhere itself (a dialog's autofocus
 * button), or the person has already moved it: then it stays there.
 * `focusedBefore` is what had focus as the navigation began; on a screen
 * that stays (another routine's page) it may still be in the main area.
 */
function focusPlacedByScreen(focusedBefore: Element | null): boolean {
  const main = pageMain();
  const active = document.activeElement;
  return main !== null && active !== null && active !== main && active !== focusedBefore && main.contains(active);
}

/**
 * After each change of screen, focus moves to the new screen's main heading,
 * so a keyboard or screen-reader user starts reading it from the top, rather
 * than from the page's body (or a link of the header). Not on the app's
 * first screen: the browser's own start is left alone there.
 */
export function usePageFocus(): void {
  const router = useRouter();
  let focusedBefore: Element | null = null;
  /** Bumped by each navigation, so a slow screen's heading is not focused once the person has moved on. */
  let latest = 0;

  const stopBefore = router.beforeEach(() => {
    focusedBefore = document.activeElement;
  });
  const stopAfter = router.afterEach((to, from, failure) => {
    // The same screen with another query keeps its focus.
    if (failure || from === START_LOCATION || to.path === from.path) return;
    const navigation = ++latest;
    const before = focusedBefore;
    // nextTick: the new screen is drawn, so a heading found is its own, not the old screen's.
    void nextTick()
      .then(headingDrawn)
      .then((heading) => {
        if (heading && navigation === latest && !focusPlacedByScreen(before)) focusHeading(heading);
      });
  });
  onBeforeUnmount(() => {
    stopBefore();
    stopAfter();
  });
}
