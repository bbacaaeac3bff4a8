/**
 * Devices whose qdiscs the kernel may hold beyond what the model makes (a kind it does not know,
 * a child or ingress qdisc): from then on what tc shows of them (qdiscs, classes, filters) is
 * the kernel's own, reported as not modelled.
 */
import type { Link } from '../../model/link.js';

export const unknownQdisc = new WeakSet<Link>();
