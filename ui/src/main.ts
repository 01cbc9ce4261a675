import { createApp } from "vue";
import App from "./App.vue";
import { applyLang, i18n, langFromNavigator } from "./i18n";
import { insideApp } from "./lib/backend";
import "./styles/base.css";

// Inside the app the backend decides the language (App.vue applies it on start); in a
// plain browser only the "runs inside the app" screen shows, in the browser's language.
applyLang(insideApp() ? "zh-Hans" : langFromNavigator(navigator.languages ?? [navigator.language]));

createApp(App).use(i18n).mount("#app");
