package org.convderiv.expand;

import java.util.ArrayList;
import java.util.List;
import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.term.Monomial;
import org.convderiv.term.Polynomial;
import org.convderiv.term.TensorName;
import org.convderiv.term.Variable;

/**
 * Stage 1: every output element of the layer expanded into scalar products, straight from the
 * definition (reference, section 3):
 *
 * <pre>O[n, co, i] = b[co] + sum over ci in the group of co, and kernel offsets u, of
 *               F[co, ci, u] * Xp[n, ci, s*i + d*u]</pre>
 *
 * where {@code Xp} is X with zero padding. Products that fall on the padding are zero and are
 * left out, which is why border elements of a padded layer have fewer terms. Under the true
 * convolution the kernel is read flipped: offset {@code u} meets {@code F[k - 1 - u]}.
 */
public record ForwardExpansion(LayerSpec spec, List<OutputExpansion> outputs) {

  public static ForwardExpansion of(LayerSpec spec) {
    int rank = spec.rank();
    Dims out = spec.output();
    Dims kernel = spec.kernel();
    int outVolume = (int) out.volume();
    int kernelVolume = (int) kernel.volume();
    List<OutputExpansion> outputs =
        new ArrayList<>(spec.batch() * spec.channelsOut() * outVolume);
    for (int n = 0; n < spec.batch(); n++) {
      for (int co = 0; co < spec.channelsOut(); co++) {
        int group = co / spec.channelsOutPerGroup();
        for (int o = 0; o < outVolume; o++) {
          int[] i = out.indexAt(o);
          Polynomial.Builder sum = new Polynomial.Builder();
          for (int cl = 0; cl < spec.channelsInPerGroup(); cl++) {
            int ci = group * spec.channelsInPerGroup() + cl;
            for (int k = 0; k < kernelVolume; k++) {
              int[] u = kernel.indexAt(k);
              int[] x = new int[rank + 2];
              int[] f = new int[rank + 2];
              x[0] = n;
              x[1] = ci;
              f[0] = co;
              f[1] = cl;
              boolean inside = true;
              for (int a = 0; a < rank; a++) {
                int padded = spec.stride().get(a) * i[a] + spec.dilation().get(a) * u[a];
                int pos = padded - spec.padBefore().get(a);
                inside &= pos >= 0 && pos < spec.input().get(a);
                x[a + 2] = pos;
                f[a + 2] = spec.convention() == Convention.CONVOLUTION
                    ? kernel.get(a) - 1 - u[a] : u[a];
              }
              if (inside) {
                sum.add(Monomial.of(new Variable(TensorName.X, Dims.of(x)),
                    new Variable(TensorName.F, Dims.of(f))));
              }
            }
          }
          if (spec.bias()) {
            sum.add(Monomial.of(Variable.of(TensorName.B, co)));
          }
          int[] oi = new int[rank + 2];
          oi[0] = n;
          oi[1] = co;
          System.arraycopy(i, 0, oi, 2, rank);
          outputs.add(new OutputExpansion(new Variable(TensorName.O, Dims.of(oi)), sum.build()));
        }
      }
    }
    return new ForwardExpansion(spec, List.copyOf(outputs));
  }

  /** Products in all expansions together. */
  public long termCount() {
    return outputs.stream().mapToLong(e -> e.expression().size()).sum();
  }
}
