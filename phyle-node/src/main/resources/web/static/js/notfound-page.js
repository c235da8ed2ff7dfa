// The page for an address the node does not know (answered with status 404): the frame and links to every page.

import { startPage } from './ui.js';

startPage('notFound.pageTitle');
