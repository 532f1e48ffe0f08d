// Material Web has no rating: five toggle icon buttons, choosing one lights it and the lower ones.
export function wireStarRatings() {
  for (const group of document.querySelectorAll('[data-stars]')) {
    const stars = [...group.querySelectorAll('md-icon-button')];
    group.addEventListener('change', (event) => {
      const chosen = stars.indexOf(event.target);
      stars.forEach((star, i) => (star.selected = i <= chosen));
    });
  }
}
