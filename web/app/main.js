// The standalone page (index.html): the dashboard in #app, and the service worker that keeps
// the site's files for offline use.
import { mount } from './dashboard.js';

const dashboard = mount(document.getElementById('app'));
// For people poking at the page from the console.
globalThis.basketlift = dashboard;

if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(new URL('../sw.js', import.meta.url)).catch((error) => {
    console.warn('Basketlift works online only here: the service worker was refused.', error);
  });
}
