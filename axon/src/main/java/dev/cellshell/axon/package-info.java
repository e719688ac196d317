/** The axon gateway: nodes, their trust, and the streams that carry cells between them. */
package dev.cellshell.axon;
