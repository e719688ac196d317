/**
 * Compiles cell source in memory with ECJ and loads each compiled version (a generation) in its own class loader,
 * so a swap never restarts anything and an old generation can be collected once nothing refers to it.
 */
package dev.cellshell.livecompiler;
