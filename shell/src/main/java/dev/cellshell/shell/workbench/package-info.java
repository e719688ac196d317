/**
 * The workbench: a JavaFX window listing the live cells, editing the selected cell's source and swapping it in on
 * save. It never calls cell code: it asks the tissue for swaps and shows what the tissue reports.
 */
package dev.cellshell.shell.workbench;
