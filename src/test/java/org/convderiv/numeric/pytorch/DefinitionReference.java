package org.convderiv.numeric.pytorch;

import org.convderiv.layer.Convention;
import org.convderiv.layer.Dims;
import org.convderiv.layer.LayerSpec;
import org.convderiv.layer.LayerValues;
import org.convderiv.layer.Tensor;
import org.convderiv.numeric.Gradients;

/**
 * A convolution layer computed straight from its definition, slow and obviously right: for
 * every output position and every kernel tap, the input position it reads is
 * {@code o * stride + k * dilation - padBefore}; a tap outside the input reads a padding zero.
 * Each product {@code X * W} adds to O, and by the product rule {@code G * W} to dX and
 * {@code G * X} to dW, where W is F, or F turned 180 degrees for the true convolution.
 */
final class DefinitionReference {
  private DefinitionReference() {}

  static Gradients run(LayerSpec s, LayerValues v) {
    int rank = s.rank();
    Dims in = s.input();
    Dims k = s.kernel();
    Dims out = s.output();
    int inPerGroup = s.channelsInPerGroup();
    int outPerGroup = s.channelsOutPerGroup();
    double[] x = v.x().toArray();
    double[] f = v.f().toArray();
    double[] g = v.g().toArray();
    double[] o = new double[g.length];
    double[] dx = new double[x.length];
    double[] df = new double[f.length];
    double[] db = new double[s.channelsOut()];

    for (int n = 0; n < s.batch(); n++) {
      for (int co = 0; co < s.channelsOut(); co++) {
        for (int op = 0; op < out.volume(); op++) {
          int oOff = (n * s.channelsOut() + co) * (int) out.volume() + op;
          int[] oi = out.indexAt(op);
          if (s.bias()) {
            o[oOff] += v.b().at(co);
            db[co] += g[oOff];
          }
          for (int ci = 0; ci < inPerGroup; ci++) {
            int channel = (co / outPerGroup) * inPerGroup + ci;
            for (int kp = 0; kp < k.volume(); kp++) {
              int[] ki = k.indexAt(kp);
              int[] xi = new int[rank];
              int[] tap = new int[rank];
              boolean inside = true;
              for (int a = 0; a < rank; a++) {
                xi[a] = oi[a] * s.stride().get(a) + ki[a] * s.dilation().get(a)
                    - s.padBefore().get(a);
                inside &= xi[a] >= 0 && xi[a] < in.get(a);
                tap[a] = s.convention() == Convention.CONVOLUTION ? k.get(a) - 1 - ki[a] : ki[a];
              }
              if (!inside) {
                continue;
              }
              int xOff = (n * s.channelsIn() + channel) * (int) in.volume() + in.offsetOf(xi);
              int fOff = (co * inPerGroup + ci) * (int) k.volume() + k.offsetOf(tap);
              o[oOff] += x[xOff] * f[fOff];
              dx[xOff] += g[oOff] * f[fOff];
              df[fOff] += g[oOff] * x[xOff];
            }
          }
        }
      }
    }
    return new Gradients(
        new Tensor(LayerValues.oShape(s), o),
        new Tensor(LayerValues.xShape(s), dx),
        new Tensor(LayerValues.fShape(s), df),
        s.bias() ? new Tensor(LayerValues.bShape(s), db) : null);
  }
}
