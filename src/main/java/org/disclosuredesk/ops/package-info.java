/** Operations: health that a load balancer can trust, and metrics for Prometheus. */
package org.disclosuredesk.ops;
