/**
 * Persistent stores owned by one process (the shell): Chronicle Maps in memory-mapped files, opened with recovery,
 * grown instead of failing when full. Never shared between live processes: Chronicle's locks are not crash-safe
 * across processes (see ../shared/PLATFORM.md), so one owner plus a workspace lock is the design.
 */
package dev.cellshell.ipc.store;
