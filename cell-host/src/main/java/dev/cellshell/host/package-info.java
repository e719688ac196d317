/** The cell host: the process behind the membrane that defines generations and runs cell code for the shell. */
package dev.cellshell.host;
