/** Built-in assets (cell sources, demo tissue, fonts) and the one class that reads them from the classpath. */
package dev.cellshell.assets;
