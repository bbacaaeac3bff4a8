/**
 * The user-facing property example (examples/properties/) runs with the suite, so the README's
 * claims about it stay true: its tests are registered here by importing the file.
 */
import '../../examples/properties/pods-and-routes.test.js';
