package org.convderiv.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * A symbolic tensor: named leading axes, then spatial axes, entries row-major. The tensor
 * language of whole-tensor claims evaluates to these; convolution follows section 3 of the
 * reference, {@code out[o] = sum_u K[u] * Ip[s*o + d*u]} with {@code Ip} the zero-padded input.
 */
record Grid(List<Axis> axes, Dims shape, List<Polynomial> entries) {

  Grid {
    axes = List.copyOf(axes);
    entries = List.copyOf(entries);
  }

  int spatialRank() {
    return shape.rank() - axes.size();
  }

  Dims spatial() {
    int[] s = new int[spatialRank()];
    for (int a = 0; a < s.length; a++) {
      s[a] = shape.get(axes.size() + a);
    }
    return Dims.of(s);
  }

  Polynomial at(int[] index) {
    return entries.get(shape.offsetOf(index));
  }

  static List<Axis> axesOf(TensorName tensor) {
    return switch (tensor) {
      case X -> List.of(Axis.BATCH, Axis.CHANNEL_IN);
      case F -> List.of(Axis.CHANNEL_OUT, Axis.CHANNEL_IN);
      case G, O -> List.of(Axis.BATCH, Axis.CHANNEL_OUT);
      case B -> List.of(Axis.CHANNEL_OUT);
    };
  }

  /** The tensor of symbols {@code tensor} of a layer: X, F or G = dL/dO. */
  static Grid symbols(LayerSpec spec, TensorName tensor) {
    Dims shape = ClaimParser.shapeOf(spec, tensor);
    List<Polynomial> e = new ArrayList<>();
    for (int i = 0; i < shape.volume(); i++) {
      e.add(Polynomial.of(new Variable(tensor, Dims.of(shape.indexAt(i)))));
    }
    return new Grid(axesOf(tensor), shape, e);
  }

  /** The tensor whose entry at each index of {@code target} is {@code values} there (or 0). */
  static Grid of(LayerSpec spec, TensorName target, Map<Variable, Polynomial> values) {
    Dims shape = ClaimParser.shapeOf(spec, target);
    List<Polynomial> e = new ArrayList<>();
    for (int i = 0; i < shape.volume(); i++) {
      e.add(values.getOrDefault(new Variable(target, Dims.of(shape.indexAt(i))),
          Polynomial.zero()));
    }
    return new Grid(axesOf(target), shape, e);
  }

  /**
   * Re-indexes the spatial axes: {@code source} maps an index of the new spatial shape to the
   * old spatial index it copies, or null for a zero. Every layout change (rotation, flip,
   * transpose, dilation, padding, cropping) is one such map.
   */
  Grid respace(Dims newSpatial, Function<int[], int[]> source, Budget budget, int column) {
    int lead = axes.size();
    int[] full = new int[lead + newSpatial.rank()];
    for (int a = 0; a < lead; a++) {
      full[a] = shape.get(a);
    }
    for (int a = 0; a < newSpatial.rank(); a++) {
      full[lead + a] = newSpatial.get(a);
    }
    Dims newShape = Dims.of(full);
    budget.spend(newShape.volume(), column);
    List<Polynomial> e = new ArrayList<>((int) newShape.volume());
    for (int i = 0; i < newShape.volume(); i++) {
      int[] idx = newShape.indexAt(i);
      int[] from = source.apply(java.util.Arrays.copyOfRange(idx, lead, idx.length));
      if (from == null) {
        e.add(Polynomial.zero());
      } else {
        int[] old = idx.clone();
        System.arraycopy(from, 0, old, lead, from.length);
        e.add(at(java.util.Arrays.copyOf(old, shape.rank())));
      }
    }
    return new Grid(axes, newShape, e);
  }

  /**
   * Valid cross-correlation of {@code input} (zero-padded by {@code padBefore}/{@code padAfter})
   * with {@code kernel} dilated by {@code dilation}, sampled every {@code stride}. The one leading
   * axis the operands share is summed over; the others make up the result, in {@link Axis} order.
   */
  static Grid correlate(Grid input, Grid kernel, int[] stride, int[] dilation, int[] padBefore,
      int[] padAfter, Budget budget, int column) {
    int rank = input.spatialRank();
    if (kernel.spatialRank() != rank || rank == 0) {
      throw new ClaimException(column, "convolution operands must have the same number of"
          + " spatial axes, not " + input.spatialRank() + " and " + kernel.spatialRank());
    }
    List<Axis> shared = new ArrayList<>(input.axes);
    shared.retainAll(kernel.axes);
    if (shared.size() != 1) {
      throw new ClaimException(column, "convolution operands must share exactly one of the axes"
          + " n, co, ci to sum over; they share " + labels(shared));
    }
    Axis sum = shared.get(0);
    int sumSize = input.shape.get(input.axes.indexOf(sum));
    if (kernel.shape.get(kernel.axes.indexOf(sum)) != sumSize) {
      throw new ClaimException(column, "convolution operands disagree on the size of axis "
          + sum.label());
    }
    List<Axis> resultAxes = new ArrayList<>();
    for (Axis a : Axis.values()) {
      if (a != sum && (input.axes.contains(a) || kernel.axes.contains(a))) {
        resultAxes.add(a);
      }
    }
    Dims in = input.spatial();
    Dims k = kernel.spatial();
    int[] out = new int[rank];
    for (int a = 0; a < rank; a++) {
      int reach = in.get(a) + padBefore[a] + padAfter[a] - dilation[a] * (k.get(a) - 1) - 1;
      if (reach < 0) {
        throw new ClaimException(column, "kernel of size " + k + " (dilation " + dilation[a]
            + ") does not fit the padded input of size " + in + " on axis " + (a + 1));
      }
      out[a] = reach / stride[a] + 1;
    }
    int[] fullShape = new int[resultAxes.size() + rank];
    for (int i = 0; i < resultAxes.size(); i++) {
      Axis a = resultAxes.get(i);
      Grid from = input.axes.contains(a) ? input : kernel;
      fullShape[i] = from.shape.get(from.axes.indexOf(a));
    }
    System.arraycopy(out, 0, fullShape, resultAxes.size(), rank);
    Dims shape = Dims.of(fullShape);
    budget.spend(shape.volume() * sumSize * k.volume(), column);

    List<Polynomial> entries = new ArrayList<>((int) shape.volume());
    int[] inIdx = new int[input.shape.rank()];
    int[] kIdx = new int[kernel.shape.rank()];
    for (int i = 0; i < shape.volume(); i++) {
      int[] idx = shape.indexAt(i);
      Polynomial.Builder b = new Polynomial.Builder();
      for (int c = 0; c < sumSize; c++) {
        lead(input, resultAxes, idx, sum, c, inIdx);
        lead(kernel, resultAxes, idx, sum, c, kIdx);
        for (int u = 0; u < k.volume(); u++) {
          int[] ku = k.indexAt(u);
          boolean inside = true;
          for (int a = 0; a < rank; a++) {
            int p = stride[a] * idx[resultAxes.size() + a] + dilation[a] * ku[a] - padBefore[a];
            inside &= p >= 0 && p < in.get(a);
            inIdx[input.axes.size() + a] = p;
            kIdx[kernel.axes.size() + a] = ku[a];
          }
          if (inside) {
            Polynomial kv = kernel.at(kIdx);
            Polynomial iv = input.at(inIdx);
            budget.spend((long) kv.size() * iv.size(), column);
            b.add(kv.times(iv));
          }
        }
      }
      entries.add(b.build());
      budget.spend(0, column);
    }
    return new Grid(resultAxes, shape, entries);
  }

  /** Fills the leading part of {@code target} for operand {@code g} at result index {@code idx}. */
  private static void lead(Grid g, List<Axis> resultAxes, int[] idx, Axis sum, int c,
      int[] target) {
    for (int i = 0; i < g.axes.size(); i++) {
      Axis a = g.axes.get(i);
      target[i] = a == sum ? c : idx[resultAxes.indexOf(a)];
    }
  }

  /** Entries {@code from} to {@code from + count - 1} of leading axis {@code axis}. */
  Grid slice(Axis axis, int from, int count, Budget budget, int column) {
    int at = axes.indexOf(axis);
    int[] sizes = shape.toArray();
    sizes[at] = count;
    Dims newShape = Dims.of(sizes);
    budget.spend(newShape.volume(), column);
    List<Polynomial> e = new ArrayList<>((int) newShape.volume());
    for (int i = 0; i < newShape.volume(); i++) {
      int[] idx = newShape.indexAt(i);
      idx[at] += from;
      e.add(at(idx));
    }
    return new Grid(axes, newShape, e);
  }

  /** Joins tensors of equal axes end to end along leading axis {@code axis}, in list order. */
  static Grid concat(List<Grid> parts, Axis axis, Budget budget, int column) {
    Grid first = parts.get(0);
    int at = first.axes.indexOf(axis);
    int[] sizes = first.shape.toArray();
    int total = 0;
    for (Grid g : parts) {
      int[] other = g.shape.toArray();
      other[at] = sizes[at];
      if (!g.axes.equals(first.axes) || !java.util.Arrays.equals(other, sizes)) {
        throw new ClaimException(column, "cannot join a tensor of shape " + g.describe()
            + " to one of shape " + first.describe());
      }
      total += g.shape.get(at);
    }
    sizes[at] = total;
    int[] owner = new int[total];
    int[] offset = new int[total];
    for (int p = 0, c = 0; p < parts.size(); p++) {
      for (int j = 0; j < parts.get(p).shape.get(at); j++, c++) {
        owner[c] = p;
        offset[c] = j;
      }
    }
    Dims newShape = Dims.of(sizes);
    budget.spend(newShape.volume(), column);
    List<Polynomial> e = new ArrayList<>((int) newShape.volume());
    for (int i = 0; i < newShape.volume(); i++) {
      int[] idx = newShape.indexAt(i);
      int c = idx[at];
      idx[at] = offset[c];
      e.add(parts.get(owner[c]).at(idx));
    }
    return new Grid(first.axes, newShape, e);
  }

  /** Sums every spatial position and the batch: {@code sum(dL/dO)} is the bias gradient. */
  Grid sumPositionsAndBatch(Budget budget, int column) {
    List<Axis> kept = new ArrayList<>(axes);
    kept.remove(Axis.BATCH);
    int[] keptShape = new int[kept.size()];
    for (int i = 0; i < kept.size(); i++) {
      keptShape[i] = shape.get(axes.indexOf(kept.get(i)));
    }
    Dims newShape = Dims.of(keptShape);
    budget.spend(shape.volume(), column);
    List<Polynomial.Builder> sums = new ArrayList<>();
    for (int i = 0; i < newShape.volume(); i++) {
      sums.add(new Polynomial.Builder());
    }
    for (int i = 0; i < shape.volume(); i++) {
      int[] idx = shape.indexAt(i);
      int[] to = new int[kept.size()];
      for (int j = 0; j < kept.size(); j++) {
        to[j] = idx[axes.indexOf(kept.get(j))];
      }
      sums.get(newShape.offsetOf(to)).add(entries.get(i));
    }
    return new Grid(kept, newShape, sums.stream().map(Polynomial.Builder::build).toList());
  }

  /** Entry-wise combination of two tensors of one shape and the same axes. */
  Grid combine(Grid other, boolean subtract, Budget budget, int column) {
    if (!axes.equals(other.axes) || !shape.equals(other.shape)) {
      throw new ClaimException(column, "cannot add a tensor of shape " + describe()
          + " to one of shape " + other.describe());
    }
    budget.spend(shape.volume(), column);
    List<Polynomial> e = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      e.add(subtract ? entries.get(i).minus(other.entries.get(i))
          : entries.get(i).plus(other.entries.get(i)));
    }
    return new Grid(axes, shape, e);
  }

  Grid scale(Polynomial factor, Budget budget, int column) {
    budget.spend(shape.volume() * Math.max(1, factor.size()), column);
    return new Grid(axes, shape, entries.stream().map(p -> p.times(factor)).toList());
  }

  /** Axes and sizes as users read them: {@code (n, ci) 1x1x3x3}. */
  String describe() {
    return labels(axes) + " " + shape;
  }

  static String labels(List<Axis> axes) {
    StringBuilder sb = new StringBuilder("(");
    for (Axis a : axes) {
      sb.append(sb.length() > 1 ? ", " : "").append(a.label());
    }
    return sb.append(')').toString();
  }
}
