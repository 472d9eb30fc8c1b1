package dev.seqmind.neural.lstm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;

/**
 * One LSTM layer written out in engine operations, with the equations and weight layout of PyTorch's nn.LSTM:
 * <pre>
 *   [i f g o] = x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh      (gates stacked in this order, each hidden wide)
 *   c_t = sigmoid(f) * c_{t-1} + sigmoid(i) * tanh(g)
 *   h_t = sigmoid(o) * tanh(c_t)
 * </pre>
 * with {@code h_0 = c_0 = 0}. The input projection of every step is one matrix product; the recurrence is a loop over
 * time steps, differentiated by the engine's autograd like any other graph.
 *
 * <p>PyTorch's fused {@code lstm} op, reached through DJL 0.35.1's {@code NDArrayEx.lstm}, is not used: on the CPU
 * (its oneDNN path) it does not compute these equations for weights in this layout (see docs/neural.md, "The LSTM
 * cell"), so the stored weights would not mean what the layout says.
 */
public final class LstmLayer {
    private LstmLayer() {
    }

    /**
     * The hidden state after every step, {@code [batch, length, hidden]}, for a batch-first input
     * {@code [batch, length, in]}; {@code wih [4 hidden, in]}, {@code whh [4 hidden, hidden]}, biases {@code [4 hidden]}.
     */
    public static NDArray forward(NDArray x, NDArray wih, NDArray whh, NDArray bih, NDArray bhh) {
        long hidden = whh.getShape().get(1);
        long length = x.getShape().get(1);
        NDArray steps = x.matMul(wih.transpose()).add(bih.add(bhh)).transpose(1, 0, 2); // [length, batch, 4h]
        NDArray whhT = whh.transpose();
        NDIndex inputForget = new NDIndex(":, 0:{}", 2 * hidden);
        NDIndex input = new NDIndex(":, 0:{}", hidden);
        NDIndex forget = new NDIndex(":, {}:{}", hidden, 2 * hidden);
        NDIndex cell = new NDIndex(":, {}:{}", 2 * hidden, 3 * hidden);
        NDIndex output = new NDIndex(":, {}:", 3 * hidden);
        NDList states = new NDList((int) length);
        NDArray h = null;
        NDArray c = null;
        for (long t = 0; t < length; t++) {
            NDArray gates = steps.get(t);
            if (h != null) {
                gates = gates.add(h.matMul(whhT));
            }
            NDArray inForget = Activation.sigmoid(gates.get(inputForget));
            NDArray update = inForget.get(input).mul(gates.get(cell).tanh());
            c = c == null ? update : inForget.get(forget).mul(c).add(update);
            h = Activation.sigmoid(gates.get(output)).mul(c.tanh());
            states.add(h);
        }
        return NDArrays.stack(states, 1);
    }
}
