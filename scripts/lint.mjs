// `npm run lint`: formatting (prettier, print width 100) and typescript-eslint, over the tracked
// sources. Fix with `npm run lint -- --fix`.
import './require-node.mjs';
