/**
 * nettwin/testing: fast-check arbitraries for labs (grown by the property-testing work).
 */
export {};
