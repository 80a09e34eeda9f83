import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { api } from './bridge';
import { createAppRouter, prefetchLikelyViews } from './router';
import { useLibraryStore } from './stores/library';
import { useSettingsStore } from './stores/settings';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

// Ask for settings and the library at once, rather than one after the other as screens need them.
void useSettingsStore(pinia).load().catch(() => undefined);
const libraryLoaded = useLibraryStore(pinia).load(() => api.content.load()).catch(() => undefined);

const router = createAppRouter();
app.use(router);
app.mount('#app');
// After the first screen has what it needs, so the prefetch never competes with it.
void Promise.all([router.isReady(), libraryLoaded]).then(prefetchLikelyViews);
