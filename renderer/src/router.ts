import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';
import { useSettingsStore } from './stores/settings';
import LibraryView from './views/LibraryView.vue';

// Hash history: the desktop app loads from a custom scheme where path-based URLs cannot be served.
const routes: RouteRecordRaw[] = [
  { path: '/', redirect: '/library' },
  { path: '/library', name: 'library', component: LibraryView, meta: { title: 'Routines' } },
  { path: '/safety', name: 'safety', component: () => import('./views/SafetyView.vue'), meta: { title: 'Safety first' } },
  { path: '/routines/:id', name: 'routine', component: () => import('./views/RoutineView.vue'), meta: { title: 'Routine' } },
  { path: '/play/:id', name: 'play', component: () => import('./views/PlayerView.vue'), meta: { title: 'Playing', immersive: true } },
  { path: '/summary', name: 'summary', component: () => import('./views/SummaryView.vue'), meta: { title: 'Summary' } },
  { path: '/history', name: 'history', component: () => import('./views/HistoryView.vue'), meta: { title: 'History' } },
  { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue'), meta: { title: 'Settings' } },
  { path: '/:unknown(.*)*', name: 'not-found', component: () => import('./views/NotFoundView.vue'), meta: { title: 'Not found' } },
];

export function createAppRouter() {
  const router = createRouter({ history: createWebHashHistory(), routes });

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
