package org.convderiv.exercise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.convderiv.cli.ExitCodes;
import org.convderiv.cli.Main;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.JavaEngine;
import org.convderiv.render.ExternalTools;
import org.convderiv.render.OutputFolder;
import org.convderiv.render.TemplateEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.convderiv.testing.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

class ExerciseSheetTest {
  private static final long SEED = 11;
  private static final int COUNT = 4;

  static CommandRun.Result run(String... args) {
    return CommandRun.run(args);
  }

  static Map<String, byte[]> filesUnder(Path root) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Nested
  class Reproducibility {
    @Test
    void sameSeedWritesByteIdenticalFilesAndAnotherSeedOtherExercises(@TempDir Path dir)
        throws Exception {
      Path a = dir.resolve("a");
      Path b = dir.resolve("b");
      Path c = dir.resolve("c");
      assertEquals(ExitCodes.OK, run("exercise", "--seed", "5", "--count", "2", "--out",
          a.toString()).exit());
      assertEquals(ExitCodes.OK, run("exercise", "--seed", "5", "--count", "2", "--out",
          b.toString()).exit());
      assertEquals(ExitCodes.OK, run("exercise", "--seed", "6", "--count", "2", "--out",
          c.toString()).exit());

      Map<String, byte[]> first = filesUnder(a);
      Map<String, byte[]> second = filesUnder(b);
      assertEquals(Set.of("student/exercises.tex", "student/exercises.md",
          "solutions/solutions.tex", "solutions/solutions.md", "solutions/answers-1.txt",
          "solutions/answers-2.txt"), first.keySet());
      assertEquals(first.keySet(), second.keySet());
      first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name));

      Map<String, byte[]> other = filesUnder(c);
      for (String name : List.of("student/exercises.tex", "solutions/answers-1.txt")) {
        assertNotEquals(new String(first.get(name), StandardCharsets.UTF_8),
            new String(other.get(name), StandardCharsets.UTF_8), name);
      }
    }

    @Test
    void randomLayersStayWithinTheDrawnRangesAndStridedOnesReadEveryRow() {
      Random random = new Random(3);
      int strided = 0;
      int padded = 0;
      for (int k = 0; k < 300; k++) {
        LayerSpec s = ExerciseGenerator.randomLayer(random);
        for (int a = 0; a < 2; a++) {
          assertTrue(s.input().get(a) >= 3 && s.input().get(a) <= 5, s.toString());
          assertTrue(s.kernel().get(a) >= 2 && s.kernel().get(a) <= 3, s.toString());
          assertEquals(0, s.unreadRemainder(a), s.toString());
        }
        assertTrue(s.channelsIn() <= 2 && s.channelsOut() <= 2, s.toString());
        strided += s.stride().allEqual(2) ? 1 : 0;
        padded += s.padBefore().allEqual(1) ? 1 : 0;
        assertFalse(s.stride().allEqual(2) && s.padBefore().allEqual(1), s.toString());
      }
      assertTrue(strided > 30 && padded > 30, strided + " strided, " + padded + " padded");
    }
  }

  /** One sheet, derived once, shared by the checks of its content. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Content {
    List<Exercise> exercises;
    ExerciseSheet sheet;
    Map<String, String> files = new TreeMap<>();
    Path dir;

    @BeforeAll
    void writeSheet(@TempDir Path folder) throws Exception {
      dir = folder;
      exercises = new ExerciseGenerator(SEED).generate(COUNT, null);
      sheet = ExerciseSheet.of(SEED, exercises);
      OutputFolder out = new OutputFolder(dir);
      new ExerciseWriter(new TemplateEngine()).add(out, sheet, Set.of("tex", "md"));
      out.files().forEach((k, v) -> files.put(k, new String(v, StandardCharsets.UTF_8)));
      out.commit();
    }

    /** Every answer as printed: sums, claims, the form and the grids of numbers. */
    List<String> answers() {
      List<String> out = new ArrayList<>();
      for (ExerciseSheet.Item item : sheet.exercises()) {
        ExerciseSheet.Answers a = item.answers();
        for (ExerciseSheet.Equation e : List.of(a.output(), a.filterGradient(),
            a.inputGradient())) {
          out.addAll(e.rows());
        }
        out.addAll(a.claims());
        out.add(a.form());
        a.values().forEach(g -> out.add(g.matrix()));
      }
      return out;
    }

    @Test
    void studentFilesContainNoAnswerWhileSolutionsContainEvery() {
      List<String> answers = answers();
      assertTrue(answers.size() > 8 * COUNT, "answers collected: " + answers.size());
      for (String student : List.of("student/exercises.tex", "student/exercises.md")) {
        for (String answer : answers) {
          assertFalse(files.get(student).contains(answer), () -> student + " holds " + answer);
        }
      }
      for (String answer : answers) {
        boolean inSolutions = files.get("solutions/solutions.md").contains(answer)
            || files.keySet().stream().filter(f -> f.endsWith(".txt"))
                .anyMatch(f -> files.get(f).contains(answer));
        assertTrue(inSolutions, () -> "no solution file holds " + answer);
      }
    }

    @Test
    void studentTemplatesNeverReceiveTheAnswers() {
      assertTrue(sheet.withoutAnswers().exercises().stream().allMatch(i -> i.answers() == null));
    }

    @Test
    void numericAnswersEqualTheJavaEngineBackwardPass() {
      for (Exercise e : exercises) {
        var d = e.derivation();
        Tensor expected = new JavaEngine().run(d.spec(), d.values()).dx();
        var fmt = new org.convderiv.render.TermFormatter(d.notation(),
            org.convderiv.render.TermFormatter.Style.FRACTION);
        List<ExerciseSheet.Grid> printed =
            sheet.exercises().get(e.number() - 1).answers().values();
        assertEquals(ExerciseSheet.grids(fmt, org.convderiv.term.TensorName.X, expected, true),
            printed, "exercise " + e.number());
        printed.forEach(g -> assertTrue(files.get("solutions/solutions.tex")
            .contains(g.matrix()), g.matrix()));
      }
    }

    @Test
    void everyAnswerKeyPassesCheck() {
      for (int k = 1; k <= COUNT; k++) {
        Path key = dir.resolve(ExerciseWriter.answerKeyName(k));
        CommandRun.Result r = run("check", key.toString());
        assertEquals(ExitCodes.OK, r.exit(), key + ":\n" + r.out() + r.err());
        assertTrue(r.out().endsWith("4 of 4 claims hold.\n"), r.out());
      }
    }

    @Test
    void bothLatexVersionsCompileWithPdflatex() throws Exception {
      Path pdflatex = ExternalTools.require("pdflatex");
      for (String name : List.of("student/exercises.tex", "solutions/solutions.tex")) {
        Path tex = dir.resolve(name);
        Process p = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode",
            "-halt-on-error", "-no-shell-escape", tex.getFileName().toString())
            .directory(tex.getParent().toFile()).redirectErrorStream(true)
            .redirectOutput(tex.resolveSibling("console.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "pdflatex did not finish on " + name);
        String log = Files.readString(tex.resolveSibling(
            tex.getFileName().toString().replace(".tex", ".log")), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), () -> name + ":\n" + log);
        assertFalse(log.contains("Undefined control sequence"), name);
        assertFalse(log.contains("Overfull \\hbox"), name);
      }
    }
  }

  @Nested
  class FixedLayer {
    @Test
    void layerOptionsFixTheLayerOfEveryExerciseAndItsKeysPassCheck(@TempDir Path dir) {
      CommandRun.Result r = run("exercise", "--seed", "2", "--count", "2", "--input", "5x5", "--kernel",
          "3x3", "--stride", "2", "--format", "md", "--out", dir.toString());
      assertEquals(ExitCodes.OK, r.exit(), r.err());
      assertFalse(Files.exists(dir.resolve("student/exercises.tex")));
      for (int k = 1; k <= 2; k++) {
        Path key = dir.resolve(ExerciseWriter.answerKeyName(k));
        CommandRun.Result c = run("check", key.toString());
        assertEquals(ExitCodes.OK, c.exit(), c.out());
        assertTrue(c.out().contains("dL/dX = full_conv(rot180(F), dL/dO, stride=2)"), c.out());
      }
    }

    @Test
    void keysOfLayersWithUnreadRowsOrPerAxisStridesPassCheck(@TempDir Path dir) {
      List<List<String>> layers = List.of(
          List.of("--input", "4x4", "--kernel", "3x3", "--stride", "2"),
          List.of("--input", "5x5", "--kernel", "3x3", "--stride", "2x1"),
          List.of("--input", "3x3", "--kernel", "2x2", "--padding", "0:1x1:0"));
      for (List<String> layer : layers) {
        Path out = dir.resolve("k" + layers.indexOf(layer));
        List<String> args = new java.util.ArrayList<>(List.of("exercise", "--count", "1",
            "--format", "md", "--out", out.toString()));
        args.addAll(layer);
        assertEquals(ExitCodes.OK, run(args.toArray(new String[0])).exit(), layer.toString());
        CommandRun.Result c = run("check", out.resolve(ExerciseWriter.answerKeyName(1)).toString());
        assertEquals(ExitCodes.OK, c.exit(), c.out());
        assertTrue(c.out().contains("dL/dX = full_conv("), c.out());
      }
    }

    @Test
    void aCountOutOfRangeIsRefusedInOneLine(@TempDir Path dir) {
      CommandRun.Result r = run("exercise", "--count", "0", "--out", dir.toString());
      assertEquals(ExitCodes.BAD_INPUT, r.exit());
      assertEquals("convderiv: count (0) must be between 1 and 50\n", r.err());
    }
  }
}
