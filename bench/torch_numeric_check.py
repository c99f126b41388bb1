import time; _STARTED = time.perf_counter()  # noqa: E702  (first line: total_seconds counts `import torch`)
# The numeric equivariance check that `permeq check --engine numeric` is compared with, written in
# PyTorch the way a user would write it by hand.
#
# Usage: /usr/bin/python3 bench/torch_numeric_check.py [OUT_DIR [THREADS]]   (build/bench, 2)
#
# Loads the BERT-base-sized encoder that bench/make_bert_base_onnx.py saved (OUT_DIR/bert_base.pt:
# same weights as OUT_DIR/bert_base.onnx), then, under torch.no_grad() in float32, draws
# x ~ N(0,1) of shape [1, 128, 768], records with forward hooks the output of every submodule of
# each layer (self_attn, linear1, linear2, norm1, norm2, and the layer itself: 6 x 12 = 72) and
# compares, for the two generators of S_n (sigma1 swaps tokens 0 and 1; sigma2 is the n-cycle
# i -> i+1 mod n), each module's output on x[:, sigma] with its output on x permuted by sigma:
# 1 + 2 = 3 forward passes. Prints one JSON line:
#   load_seconds      building the module and load_state_dict(torch.load(...))
#   check_seconds     the three passes and the comparisons
#   total_seconds     from this file's first line, so including `import torch`
#   max_abs_difference, max_relative_difference (max |a - b| / max |b|, per module, worst one)
#   modules_compared  72 (each compared under both generators), peak_rss_mb (ru_maxrss)
#   blas              the BLAS library torch's sgemm runs in (Debian's torch calls whatever
#                     libblas.so.3 is: on the netlib reference BLAS this check takes ~13x longer
#                     than on OpenBLAS, 35 s against 2.7 s on 2 threads)
#
# Note: in eval mode under no_grad, PyTorch 1.13 runs each nn.TransformerEncoderLayer as one fused
# kernel (torch._transformer_encoder_layer_fwd), which skips the submodules' forward hooks: only the
# 12 layer hooks would fire. Passing an all-zero additive attention mask, which changes nothing in
# the result, turns that fast path off so that all 72 hooks fire, as the check needs.
import ctypes
import json
import os
import resource
import sys

import torch
from torch import nn

# The shape bench/make_bert_base_onnx.py wrote (the same BERT_* variables) and the sequence length
# (BERT_SEQ); TORCH_DEVICE=cuda runs the check on the GPU (scripts/gpu-check.sh).
D, HEADS, FF, LAYERS, N = (int(os.environ.get(f"BERT_{k}", v)) for k, v in (("D", 768), ("HEADS", 12), ("FF", 3072), ("LAYERS", 12), ("SEQ", 128)))
DEVICE = os.environ.get("TORCH_DEVICE", "cpu")
SUBMODULES = ("self_attn", "linear1", "linear2", "norm1", "norm2")


def blas_in_use() -> str:
    """The library that libtorch_cpu's sgemm_ resolves to (dlsym, then dladdr), as a short name."""
    class DlInfo(ctypes.Structure):
        _fields_ = [("dli_fname", ctypes.c_char_p), ("dli_fbase", ctypes.c_void_p),
                    ("dli_sname", ctypes.c_char_p), ("dli_saddr", ctypes.c_void_p)]

    try:
        libtorch = ctypes.CDLL(os.path.join(os.path.dirname(torch.__file__), "lib", "libtorch_cpu.so"))
        info = DlInfo()
        if not ctypes.CDLL(None).dladdr(ctypes.cast(libtorch.sgemm_, ctypes.c_void_p), ctypes.byref(info)):
            return "unknown"
        path = os.path.realpath(info.dli_fname.decode())
    except (OSError, AttributeError):
        return "unknown"
    for name in ("openblas", "blis", "mkl", "atlas"):
        if name in path:
            return name
    return "reference (netlib)" if "/blas/" in path else path


def main() -> int:
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "build/bench"
    threads = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    torch.set_num_threads(threads)

    load_started = time.perf_counter()
    layer = nn.TransformerEncoderLayer(D, HEADS, FF, dropout=0.1, activation="gelu", batch_first=True)
    model = nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False)
    model.load_state_dict(torch.load(os.path.join(out_dir, "bert_base.pt")))
    model.eval().to(DEVICE)
    check_started = time.perf_counter()

    recorded = {}

    def record(name):
        def hook(module, inputs, output):
            recorded[name] = output[0] if isinstance(output, tuple) else output  # MHA: (out, weights)
        return hook

    for i, encoder_layer in enumerate(model.layers):
        for sub in SUBMODULES:
            getattr(encoder_layer, sub).register_forward_hook(record(f"layers.{i}.{sub}"))
        encoder_layer.register_forward_hook(record(f"layers.{i}"))

    def run(inputs):
        recorded.clear()
        model(inputs, mask=torch.zeros(N, N, device=DEVICE))  # zero mask: see the note at the top
        return dict(recorded)

    worst_abs, worst_rel, worst_module, comparisons = 0.0, 0.0, "", 0
    with torch.no_grad():
        torch.manual_seed(0)
        x = torch.randn(1, N, D, dtype=torch.float32).to(DEVICE)
        plain = run(x)
        sigma1 = torch.arange(N)
        sigma1[0], sigma1[1] = 1, 0
        sigma1 = sigma1.to(DEVICE)
        sigma2 = ((torch.arange(N) + 1) % N).to(DEVICE)
        for sigma in (sigma1, sigma2):
            permuted = run(x[:, sigma])
            for name, out in plain.items():
                expected = out[:, sigma]
                diff = (permuted[name] - expected).abs().max().item()
                rel = diff / max(expected.abs().max().item(), 1e-30)
                comparisons += 1
                if diff > worst_abs:
                    worst_abs, worst_module = diff, name
                worst_rel = max(worst_rel, rel)
    finished = time.perf_counter()

    print(json.dumps({
        "load_seconds": round(check_started - load_started, 3),
        "check_seconds": round(finished - check_started, 3),
        "total_seconds": round(finished - _STARTED, 3),
        "forward_passes": 3,
        "threads": threads,
        "device": torch.cuda.get_device_name() if DEVICE == "cuda" else "cpu",
        "max_abs_difference": worst_abs,
        "max_relative_difference": worst_rel,
        "worst_module": worst_module,
        "modules_compared": len(plain),
        "comparisons": comparisons,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "torch": torch.__version__,
        "blas": blas_in_use(),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
