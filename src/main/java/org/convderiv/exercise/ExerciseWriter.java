package org.convderiv.exercise;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.convderiv.render.OutputFolder;
import org.convderiv.render.TemplateEngine;

/**
 * Lays out an exercise sheet in an output folder: the questions under {@code student/}, the
 * answers under {@code solutions/}, so that the student folder can be handed out as it is.
 */
public final class ExerciseWriter {
  /** Formats an exercise sheet can be written in. */
  public static final List<String> FORMATS = List.of("tex", "md");

  private final TemplateEngine templates;

  public ExerciseWriter(TemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * Adds the student sheet and the solutions in each format, and one answer key per exercise
   * ({@code solutions/answers-N.txt}) in the plain syntax of {@code convderiv check}. An answer
   * key holds one exercise because a claims file describes one layer, and each exercise may
   * have its own.
   */
  public void add(OutputFolder folder, ExerciseSheet sheet, Set<String> formats) {
    ExerciseSheet student = sheet.withoutAnswers();
    for (String f : formats) {
      if (!FORMATS.contains(f)) {
        throw new IllegalArgumentException("format (" + f + ") must be one of "
            + String.join(", ", FORMATS));
      }
      folder.add("student/exercises." + f,
          templates.render("en/exercise/exercises." + f + ".ftl", Map.of("sheet", student)));
      folder.add("solutions/solutions." + f,
          templates.render("en/exercise/solutions." + f + ".ftl", Map.of("sheet", sheet)));
    }
    for (ExerciseSheet.Item item : sheet.exercises()) {
      folder.add(answerKeyName(item.number()), templates.render("en/exercise/answers.txt.ftl",
          Map.of("sheet", sheet, "item", item)));
    }
  }

  /** Where the answer key of exercise {@code number} goes, relative to the output folder. */
  public static String answerKeyName(int number) {
    return "solutions/answers-" + number + ".txt";
  }
}
