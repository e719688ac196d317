/**
 * The shell's persisted stores: cell state and compiled generations in Chronicle Maps under the workspace's
 * {@code store/} folder, owned by the one shell that holds the workspace lock.
 */
package dev.cellshell.shell.store;
