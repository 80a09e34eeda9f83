import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { api } from './bridge';
import { provideApi } from './bridge/api-context';
import { createAppRouter, prefetchLikelyViews, prefetchStartingView } from './router';
import { useLibraryStore } from './stores/library';
import { useNoticesStore } from './stores/notices';
import { useSettingsStore } from './stores/settings';
import './styles/base.css';

const app = createApp(App);
// Before any store exists: each takes the API from the app as it is set up.
provideApi(app, api);
const pinia = createPinia();
app.use(pinia);

// Listening before the first request, so a notice carried by its reply is not missed.
useNoticesStore(pinia);
// Ask for settings and the library at once, rather than one after the other as screens need them.
void useSettingsStore(pinia).load().catch(() => undefined);
const libraryLoaded = useLibraryStore(pinia).load().catch(() => undefined);

prefetchStartingView(location.hash);
const router = createAppRouter();
app.use(router);
app.mount('#app');
// After the first screen has what it needs, so the prefetch never competes with it; never in the
// report's print view (a window of its own on the desktop), where it would only slow the printing.
void Promise.all([router.isReady(), libraryLoaded]).then(() => {
  if (router.currentRoute.value.name !== 'report-print') prefetchLikelyViews();
});
