"""Move a model's weights by a random proved symmetry (Xu et al.'s permuted model as a key),
save it as safetensors, load it back into PyTorch and compare outputs.

    PYTHONPATH=build/python /usr/bin/python3 examples/python/permute_and_reload.py
"""
import tempfile

import torch
from torch import nn

import permeq.torch


def main():
    torch.manual_seed(0)
    model = nn.TransformerEncoder(nn.TransformerEncoderLayer(16, 2, 32, batch_first=True), 2, enable_nested_tensor=False).eval()
    x = torch.randn(1, 8, 16)
    moved = permeq.torch.permute(model, key=2024, example_inputs=(x,))
    for family in moved.applied:
        print(f"{family['kind']} ({family['size']}): sigma = {family['sigma']}")
    with tempfile.TemporaryDirectory() as folder:
        path = moved.save(f"{folder}/permuted.safetensors")
        reloaded = permeq.torch.load_permuted(model, path)
    changed = sum(not torch.equal(a, b) for a, b in zip(model.state_dict().values(), reloaded.state_dict().values()))
    with torch.no_grad():
        difference = (reloaded(x) - model(x)).abs().max().item()
    print(f"{changed} of {len(model.state_dict())} tensors changed; largest output difference {difference:.1e} (float32 rounding)")


if __name__ == "__main__":
    main()
