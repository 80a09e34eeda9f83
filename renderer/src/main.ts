import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { api } from './bridge';
import { createAppRouter } from './router';
import { useLibraryStore } from './stores/library';
import { useSettingsStore } from './stores/settings';
import './styles/base.css';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);

// Ask for settings and the library at once, rather than one after the other as screens need them.
void useSettingsStore(pinia).load().catch(() => undefined);
void useLibraryStore(pinia).load(() => api.content.load()).catch(() => undefined);

app.use(createAppRouter());
app.mount('#app');
