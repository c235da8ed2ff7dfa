import { startPage } from './ui.js';

await startPage('nav.draws');
