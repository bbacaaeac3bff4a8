/**
 * The renderers the parsers hand `show` requests to, in one place so the parsers do not
 * depend on how the rendering is split into files.
 */
export { renderLinks } from './render-link.js';
export { renderAddrs } from './render-addr.js';
export { renderRoutes } from './render-route.js';
export { routeGet } from './route-get.js';
export { renderNetnsList } from './render-netns.js';
export { renderRules, type RuleFilter } from './render-rule.js';
export { renderNeigh } from './render-neigh.js';
