// <basketlift-dashboard>: the whole dashboard as a custom element, in its own shadow root so
// the host page's styles and the dashboard's do not mix. Attributes: `sample-base` (URL of the
// sample files' folder). The element's `dashboard` property is what mount() returns.
import { mount } from './dashboard.js';

const STYLESHEET = new URL('./style.css', import.meta.url).href;

/** The dashboard element. */
export class BasketliftDashboard extends HTMLElement {
  #dashboard = null;

  connectedCallback() {
    if (this.#dashboard) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = STYLESHEET;
    const host = document.createElement('div');
    shadow.replaceChildren(style, host);
    const sampleBase = this.getAttribute('sample-base');
    this.#dashboard = mount(host, sampleBase ? { sampleBase: new URL(sampleBase, document.baseURI).href } : {});
  }

  disconnectedCallback() {
    this.#dashboard?.destroy();
    this.#dashboard = null;
  }

  /** The mounted dashboard: {engine, report, addFiles, loadSample}. */
  get dashboard() {
    return this.#dashboard;
  }
}

if (!customElements.get('basketlift-dashboard')) customElements.define('basketlift-dashboard', BasketliftDashboard);
