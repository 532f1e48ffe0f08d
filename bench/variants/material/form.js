// Only the Material components the page uses (its docs' per-component imports).
import '@material/web/textfield/outlined-text-field.js';
import '@material/web/select/outlined-select.js';
import '@material/web/select/select-option.js';
import '@material/web/checkbox/checkbox.js';
import '@material/web/button/filled-button.js';
import '@material/web/iconbutton/icon-button.js';
import { markReady } from '../lit-ready.js';
import { wireStarRatings } from './star-rating.js';

wireStarRatings();
markReady([
  'md-outlined-text-field',
  'md-outlined-select',
  'md-select-option',
  'md-checkbox',
  'md-filled-button',
  'md-icon-button',
]);
