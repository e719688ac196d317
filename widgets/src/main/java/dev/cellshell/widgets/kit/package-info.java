/**
 * A small kit for laying out a cell's inside, in plain Java on top of the Cell API: {@link
 * dev.cellshell.widgets.kit.Stack} carves a box into rows or columns, {@link dev.cellshell.widgets.kit.Labels} fits and
 * places a line of text in a box by measuring it. Not a framework: a cell may use none of it.
 */
package dev.cellshell.widgets.kit;
