// Cherry-picked Shoelace components (what its docs recommend for bundlers) and its light theme.
import '@shoelace-style/shoelace/dist/themes/light.css';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import '@shoelace-style/shoelace/dist/components/checkbox/checkbox.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/rating/rating.js';
import { markReady } from '../lit-ready.js';

markReady(['sl-input', 'sl-select', 'sl-option', 'sl-textarea', 'sl-checkbox', 'sl-button', 'sl-rating']);
