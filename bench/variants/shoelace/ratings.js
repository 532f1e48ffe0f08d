import '@shoelace-style/shoelace/dist/themes/light.css';
import '@shoelace-style/shoelace/dist/components/rating/rating.js';
import { markReady } from '../lit-ready.js';

markReady(['sl-rating']);
