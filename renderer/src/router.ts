import { createRouter, createWebHashHistory, START_LOCATION, type RouteRecordRaw } from 'vue-router';
import { useSettingsStore } from './stores/settings';
import LibraryView from './views/LibraryView.vue';

// Screens other than the library load on first use, keeping the first screen small.
const views = {
  safety: () => import('./views/SafetyView.vue'),
  routine: () => import('./views/RoutineView.vue'),
  play: () => import('./views/PlayerView.vue'),
  summary: () => import('./views/SummaryView.vue'),
  history: () => import('./views/HistoryView.vue'),
  settings: () => import('./views/SettingsView.vue'),
  // Chart.js comes with this screen alone: the first screen never waits for it.
  progress: () => import('./views/ProgressView.vue'),
  plan: () => import('./views/PlanView.vue'),
  share: () => import('./views/ShareView.vue'),
  // Chart.js too: the report is made of the dashboard's charts.
  reportPrint: () => import('./views/ReportPrintView.vue'),
  notFound: () => import('./views/NotFoundView.vue'),
};

// Hash history: the desktop app loads from a custom scheme where path-based URLs cannot be served.
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/library' },
  { path: '/library', name: 'library', component: LibraryView, meta: { title: 'Routines' } },
  { path: '/safety', name: 'safety', component: views.safety, meta: { title: 'Safety first' } },
  { path: '/routines/:id', name: 'routine', component: views.routine, meta: { title: 'Routine' } },
  { path: '/play/:id', name: 'play', component: views.play, meta: { title: 'Playing', immersive: true } },
  { path: '/summary', name: 'summary', component: views.summary, meta: { title: 'Summary' } },
  { path: '/history', name: 'history', component: views.history, meta: { title: 'History' } },
  { path: '/settings', name: 'settings', component: views.settings, meta: { title: 'Settings' } },
  { path: '/progress', name: 'progress', component: views.progress, meta: { title: 'Your progress' } },
  { path: '/plan', name: 'plan', component: views.plan, meta: { title: 'Your plan' } },
  { path: '/share', name: 'share', component: views.share, meta: { title: 'Share and back up' } },
  { path: '/report/print', name: 'report-print', component: views.reportPrint, meta: { title: 'Progress report', immersive: true } },
  { path: '/:unknown(.*)*', name: 'not-found', component: views.notFound, meta: { title: 'Not found' } },
];

/**
 * Once the first screen is up and the page is idle, fetch the screens a person
 * goes to next, so a click on them does not wait for their code.
 */
export function prefetchLikelyViews(): void {
  // Progress (with Chart.js) last: the home screen's streak box leads there, but less often than to a routine.
  const fetchAll = () => void Promise.all([views.play(), views.history(), views.routine(), views.summary(), views.progress()]).catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(fetchAll, { timeout: 3000 });
  else setTimeout(fetchAll, 1000);
}

/**
 * The report's print view (a window of its own on the desktop, printed as soon
 * as it has drawn) starts fetching its code with the app, rather than after
 * the router's first checks.
 */
export function prefetchStartingView(hash: string): void {
  if (hash.startsWith('#/report/print')) void views.reportPrint().catch(() => undefined);
}

export function createAppRouter() {
  const router = createRouter({
    history: createWebHashHistory(),
    routes,
    // Each screen opens at its top (the browser would keep the last screen's scroll, landing mid-page); after
    // it is drawn, usePageFocus puts focus on its heading there. Back and forward too, so focus and view agree.
    // Not the first screen, which the browser opens at its top: scrolling makes it lay out the whole page at once,
    // and for the report's print view (pages of lists, laid out again to print) that cost 0.15 s.
    scrollBehavior: (_to, from) => (from === START_LOCATION ? false : { top: 0 }),
  });

  // Nothing is shown before the safety screen has been read once.
  router.beforeEach(async (to) => {
    const settings = useSettingsStore();
    // If settings cannot be read we cannot know the safety screen was seen: show it (its button reports the error).
    await settings.load().catch(() => undefined);
    if (!settings.safetyAcknowledged && to.name !== 'safety' && to.name !== 'not-found') {
      return { name: 'safety', query: { next: to.fullPath } };
    }
    return true;
  });

  router.afterEach((to) => {
    document.title = `${String(to.meta.title ?? '')} · Backcare Coach`;
  });

  return router;
}
