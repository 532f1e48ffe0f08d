// Interactive for Lit-based pages: every tag defined, then every element's first render done.
// Sets window.__benchReady in ms since navigation start (performance.now()).
export function markReady(tags) {
  Promise.all(tags.map((tag) => customElements.whenDefined(tag)))
    .then(() => Promise.all([...document.querySelectorAll(tags.join())].map((el) => el.updateComplete)))
    .then(() => {
      window.__benchReady = performance.now();
    });
}
