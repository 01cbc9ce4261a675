import { createApp } from "vue";
import App from "./App.vue";
import { applyLang, i18n, langFromNavigator } from "./i18n";
import "./styles/base.css";

// Until the backend answers (it owns the language choice, App.vue applies it on start) the
// loading screen, and outside the app the "runs inside the app" screen, follow the system.
applyLang(langFromNavigator(navigator.languages ?? [navigator.language]));

createApp(App).use(i18n).mount("#app");
