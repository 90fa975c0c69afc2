package org.convderiv.exercise;

import org.convderiv.derive.Derivation;
import org.convderiv.term.Variable;

/**
 * One exercise: a derived layer with concrete values, and the elements its questions name. The
 * answers are read from {@code derivation}, never computed here.
 *
 * @param number 1-based position on the sheet
 * @param output the output element whose forward sum is asked for (question a)
 * @param filterElement the filter element whose gradient is asked for (question b)
 * @param inputElement the input element whose gradient is asked for (question b)
 */
public record Exercise(int number, Derivation derivation, Variable output,
    Variable filterElement, Variable inputElement) {}
