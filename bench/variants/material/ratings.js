import '@material/web/iconbutton/icon-button.js';
import { markReady } from '../lit-ready.js';
import { wireStarRatings } from './star-rating.js';

wireStarRatings();
markReady(['md-icon-button']);
