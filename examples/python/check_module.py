"""Check a PyTorch module in one call: is nn.TransformerEncoder a set function, and what breaks it?

    PYTHONPATH=build/python /usr/bin/python3 examples/python/check_module.py
"""
import time

import torch
from torch import nn

import permeq.torch


class Encoder(nn.Module):
    def __init__(self, learned_positions=False, d=64, max_len=32):
        super().__init__()
        layer = nn.TransformerEncoderLayer(d, 4, 4 * d, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
        self.pos_embedding = nn.Parameter(torch.zeros(1, max_len, d)) if learned_positions else None

    def forward(self, x):
        if self.pos_embedding is not None:
            x = x + self.pos_embedding[:, : x.shape[1]]
        return self.encoder(x)


def main():
    x = torch.randn(1, 10, 64)
    for learned in (False, True):
        started = time.perf_counter()
        report = permeq.torch.check(Encoder(learned), (x,), token_axes={"x": 1})
        seconds = time.perf_counter() - started
        print(f"learned positions: {learned}: {report.verdict}, proved: {report.proved} "
              f"({report.proof_scope or 'no proof'}), {seconds:.2f} s")
        for culprit in report.culprits:
            print(f"  culprit: {culprit.describe()}")
            print(f"  {culprit.witness}")
    print()
    print(report.text(culprits_only=True))


if __name__ == "__main__":
    main()
