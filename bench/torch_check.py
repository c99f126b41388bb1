"""The alternative permeq is compared with: a numeric equivariance check in PyTorch.

Builds nn.TransformerEncoder shaped like BERT-base (12 layers, d = 768, 12 heads, d_ff = 3072,
GELU, no positions), puts random tokens through it in float64 (eval mode), and compares
f(P x) with P f(x) for the two generators of S_n. This is what users write by hand today: a spot
check at one n and one set of weights, evidence rather than proof. Prints one JSON line per case.
"""
import json
import sys
import time

import torch

torch.set_num_threads(2)
torch.manual_seed(0)
n = 4


def check(causal: bool) -> dict:
    started = time.perf_counter()
    layer = torch.nn.TransformerEncoderLayer(768, 12, 3072, dropout=0.0, activation="gelu", batch_first=True)
    model = torch.nn.TransformerEncoder(layer, 12, enable_nested_tensor=False).double().eval()
    built = time.perf_counter()
    mask = torch.nn.Transformer.generate_square_subsequent_mask(n).double() if causal else None
    x = torch.randn(1, n, 768, dtype=torch.float64)
    worst = 0.0
    with torch.no_grad():
        fx = model(x, mask=mask)
        for sigma in (torch.tensor([1, 0, 2, 3]), torch.tensor([1, 2, 3, 0])):
            worst = max(worst, (model(x[:, sigma], mask=mask) - fx[:, sigma]).abs().max().item())
    checked = time.perf_counter()
    return {"case": "bert_base_causal" if causal else "bert_base", "build_seconds": built - started,
            "check_seconds": checked - built, "max_difference": worst, "breaks": worst > 1e-6}


for causal in (False, True):
    print(json.dumps(check(causal)))
    sys.stdout.flush()
