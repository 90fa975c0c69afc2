package org.convderiv.render;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Compiles a LaTeX worksheet into a PDF with {@code pdflatex}, found on the PATH.
 *
 * <p>pdflatex runs twice (references settle on the second run) in a fresh temporary folder,
 * without shell escape and never waiting for input. The same .tex gives the same PDF bytes:
 * {@code SOURCE_DATE_EPOCH=0} with {@code FORCE_SOURCE_DATE=1} fixes the creation date, and
 * with it the trailer ID pdfTeX derives from the date. {@link #REPRODUCIBLE_PREAMBLE} in the
 * preamble drops that ID altogether, so the document stays reproducible when a user runs
 * pdflatex on the .tex by hand.
 */
public final class PdfBuilder {
  /** The preamble line a document needs for byte-identical PDFs. */
  public static final String REPRODUCIBLE_PREAMBLE = "\\pdftrailerid{}";
  static final String MISSING = "pdflatex not found: install TeX Live (Debian: apt-get install"
      + " texlive-latex-base texlive-latex-recommended texlive-pictures) or use --format tex";
  private static final String JOB = "worksheet";
  private static final long TIMEOUT_SECONDS = 300;

  private final Map<String, String> environment;

  /** Uses this process's environment, PATH included. */
  public PdfBuilder() {
    this(System.getenv());
  }

  /** Runs pdflatex with {@code environment}, whose PATH is searched for it. */
  public PdfBuilder(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Whether pdflatex is on the PATH, so that {@link #build} can run. */
  public boolean available() {
    return find() != null;
  }

  /** Throws the one-line {@link PdfException} naming the fix when pdflatex is missing. */
  public void requireAvailable() {
    if (!available()) {
      throw new PdfException(MISSING);
    }
  }

  /** Compiles the LaTeX text {@code tex} and writes the PDF to {@code pdfFile}. */
  public void build(String tex, Path pdfFile) {
    Path pdflatex = find();
    if (pdflatex == null) {
      throw new PdfException(MISSING);
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("convderiv-pdf");
      Files.writeString(work.resolve(JOB + ".tex"), tex, StandardCharsets.UTF_8);
      for (int pass = 0; pass < 2; pass++) {
        run(pdflatex, work);
      }
      Path parent = pdfFile.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.copy(work.resolve(JOB + ".pdf"), pdfFile, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + pdfFile, e);
    } finally {
      if (work != null) {
        delete(work);
      }
    }
  }

  private void run(Path pdflatex, Path work) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(pdflatex.toString(), "-interaction=nonstopmode",
        "-halt-on-error", "-no-shell-escape", JOB + ".tex");
    pb.directory(work.toFile());
    pb.environment().clear();
    pb.environment().putAll(environment);
    pb.environment().put("SOURCE_DATE_EPOCH", "0");
    pb.environment().put("FORCE_SOURCE_DATE", "1");
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.redirectErrorStream(true);
    pb.redirectOutput(work.resolve("pdflatex.out").toFile());
    Process process = pb.start();
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new PdfException("pdflatex did not finish within " + TIMEOUT_SECONDS
            + " seconds");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PdfException("interrupted while pdflatex ran");
    }
    if (process.exitValue() != 0) {
      throw new PdfException("pdflatex failed (exit " + process.exitValue() + "): "
          + firstError(work.resolve(JOB + ".log")));
    }
  }

  /** The first TeX error of a log with the line it names, e.g. "! Undefined ... (l.12)". */
  static String firstError(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "no log written";
    }
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("!")) {
        String where = "";
        for (int j = i + 1; j < Math.min(lines.size(), i + 12); j++) {
          if (lines.get(j).startsWith("l.")) {
            where = " (" + lines.get(j).split(" ", 2)[0] + ")";
            break;
          }
        }
        return lines.get(i).substring(1).trim() + where;
      }
    }
    return "no error line in the log";
  }

  private Path find() {
    String path = environment.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "pdflatex");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Limitation: a temp folder that cannot be listed is left for the OS to clean up.
    }
  }
}
