package org.convderiv.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Files of one run, collected in memory and written only once all of them exist, so that a
 * failure never leaves a half-written output folder. Each file is written to a hidden temporary
 * name beside its target and renamed into place.
 */
public final class OutputFolder {
  private final Path folder;
  private final Map<String, byte[]> files = new TreeMap<>();

  public OutputFolder(Path folder) {
    if (folder.toString().isBlank()) {
      throw new IllegalArgumentException("output folder (\"" + folder + "\") must name a folder");
    }
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  public OutputFolder add(String relativePath, String text) {
    return add(relativePath, text.getBytes(StandardCharsets.UTF_8));
  }

  public OutputFolder add(String relativePath, byte[] content) {
    files.put(relativePath, content.clone());
    return this;
  }

  public Map<String, byte[]> files() {
    return Map.copyOf(files);
  }

  /**
   * Writes every file; returns the paths written, in name order. All or nothing: every file is
   * staged beside its target first, every target is checked, and the files the run replaces are
   * set aside until all new ones are in place, so a failure puts the old files back.
   */
  public List<Path> commit() {
    if (Files.exists(folder) && !Files.isDirectory(folder)) {
      String message = "output (" + folder + ") must be a folder, and it is a file";
      throw new UncheckedIOException(message, new IOException(message));
    }
    List<Path> targets = new ArrayList<>();
    List<Path> staged = new ArrayList<>();
    List<Path> setAside = new ArrayList<>();
    List<Path> placed = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Path target = folder.resolve(e.getKey()).normalize();
        if (e.getKey().isEmpty() || !target.startsWith(folder.normalize())) {
          throw new IllegalArgumentException("output file (" + e.getKey()
              + ") must stay inside " + folder.toAbsolutePath());
        }
        if (Files.isDirectory(target)) {
          throw new IOException(target + " is a folder where a file must go");
        }
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".part");
        Files.write(temp, e.getValue());
        staged.add(temp);
        targets.add(target);
      }
      for (int k = 0; k < targets.size(); k++) {
        Path target = targets.get(k);
        Path old = target.resolveSibling("." + target.getFileName() + ".old");
        if (Files.exists(target)) {
          move(target, old);
          setAside.add(old);
        } else {
          setAside.add(null);
        }
        move(staged.get(k), target);
        placed.add(target);
      }
      setAside.stream().filter(p -> p != null).forEach(OutputFolder::deleteQuietly);
      return List.copyOf(targets);
    } catch (IOException e) {
      rollBack(placed, setAside, targets);
      staged.forEach(OutputFolder::deleteQuietly);
      throw new UncheckedIOException("cannot write to " + folder + ": " + e.getMessage(), e);
    }
  }

  /** Takes out the new files placed so far and puts the old ones back. */
  private static void rollBack(List<Path> placed, List<Path> setAside, List<Path> targets) {
    for (Path p : placed) {
      deleteQuietly(p);
    }
    for (int k = 0; k < setAside.size(); k++) {
      if (setAside.get(k) != null) {
        try {
          move(setAside.get(k), targets.get(k));
        } catch (IOException ignored) {
          // Limitation: an old file that cannot be moved back stays under its hidden .old name.
        }
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // Best effort: the staged file is hidden and named .part.
    }
  }

  /** Deletes a folder tree; used for scratch folders of external tools. */
  public static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(OutputFolder::deleteQuietly);
    } catch (IOException ignored) {
      // Scratch space only.
    }
  }
}
