import time; _STARTED = time.perf_counter()  # noqa: E702  (first line: total_seconds counts `import torch`)
# PyTorch's side of bench/streamed_weights.sh: the LLaMA-shaped decoder that
# bench/make_llama_checkpoint.py wrote, run by PyTorch on the same bfloat16 checkpoint.
#
# Usage: /usr/bin/python3 bench/torch_llama_check.py CHECKPOINT_DIR [THREADS]
#
# The shards are memory-mapped (numpy) and viewed as torch bfloat16 tensors, like permeq's; each
# layer's matrices are widened to float32 when the layer runs (float32 arithmetic, as permeq's
# numeric check). The equivariance check written by hand: every layer's output on x, on x with
# tokens 0 and 1 swapped and on x with the n-cycle applied, compared with the first permuted
# (3 forward passes). Prints one JSON line:
#   load_seconds      reading the index and mapping the shards
#   forward_seconds   one forward pass
#   check_seconds     the three passes and the comparisons
#   total_seconds     from this file's first line, so including `import torch`
#   max_abs_difference  max |f(Px) - P f(x)| over the layers, both generators (the causal mask
#                       breaks equivariance: this is far above rounding)
import json
import os
import sys
import warnings

import numpy as np
import torch


def main() -> int:
    folder = sys.argv[1]
    torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    device = os.environ.get("TORCH_DEVICE", "cpu")  # cuda: the same check on the GPU (scripts/gpu-check.sh)
    graph = json.load(open(os.path.join(folder, "llama.json")))
    d = graph["inputs"][0]["shape"][1]
    seq = graph["dims"]["seq"]
    layers = sum(1 for p in graph["parameters"] if p["name"].endswith("q_proj/weight"))
    heads = next(n["attrs"]["shape"][1] for n in graph["nodes"] if n["op"] == "Reshape")

    # The mapping is read-only and nothing writes to it.
    warnings.filterwarnings("ignore", message="The given NumPy array is not writable")
    load_started = time.perf_counter()
    index = json.load(open(os.path.join(folder, "model.safetensors.index.json")))
    weights = {}
    for shard in sorted(set(index["weight_map"].values())):
        path = os.path.join(folder, shard)
        with open(path, "rb") as f:
            header_len = int.from_bytes(f.read(8), "little")
            header = json.loads(f.read(header_len))
        raw = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + header_len)
        for name, entry in header.items():
            if name == "__metadata__":
                continue
            begin, end = entry["data_offsets"]
            bits = torch.from_numpy(np.asarray(raw[begin:end]).view(np.int16))
            weights[name] = bits.view(torch.bfloat16).reshape(entry["shape"]).to(device)
    load_seconds = time.perf_counter() - load_started

    def w(name):  # float32 when read, like permeq's widening
        return weights[name].float()

    def rms_norm(x, name):
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + 1e-5) * w(name)

    mask = torch.triu(torch.full((seq, seq), -1e9), diagonal=1).to(device)

    def forward(x, record):
        hd = d // heads
        for i in range(layers):
            p = f"model.layers.{i}"
            h = rms_norm(x, f"{p}.input_layernorm.weight")
            q, k, v = (torch.nn.functional.linear(h, w(f"{p}.self_attn.{n}_proj.weight")).view(seq, heads, hd).transpose(0, 1) for n in "qkv")
            probs = torch.softmax(q @ k.transpose(1, 2) / hd**0.5 + mask, dim=-1)
            x = x + torch.nn.functional.linear((probs @ v).transpose(0, 1).reshape(seq, d), w(f"{p}.self_attn.o_proj.weight"))
            h = rms_norm(x, f"{p}.post_attention_layernorm.weight")
            gate = torch.nn.functional.linear(h, w(f"{p}.mlp.gate_proj.weight"))
            up = torch.nn.functional.linear(h, w(f"{p}.mlp.up_proj.weight"))
            x = x + torch.nn.functional.linear(torch.nn.functional.silu(gate) * up, w(f"{p}.mlp.down_proj.weight"))
            record.append(x)
        logits = torch.nn.functional.linear(rms_norm(x, "model.norm.weight"), w("lm_head.weight"))
        record.append(logits)
        return logits

    with torch.no_grad():
        x = torch.randn(seq, d).to(device)
        started = time.perf_counter()
        plain = []
        forward(x, plain)
        if device == "cuda":
            torch.cuda.synchronize()  # GPU work is asynchronous: wait before reading the clock
        forward_seconds = time.perf_counter() - started
        worst = 0.0
        for sigma in (torch.tensor([1, 0] + list(range(2, seq)), device=device), torch.roll(torch.arange(seq, device=device), 1)):
            moved = []
            forward(x[sigma], moved)
            for a, b in zip(moved, plain):
                worst = max(worst, (a - b[sigma]).abs().max().item())
        check_seconds = time.perf_counter() - started
    print(json.dumps({"load_seconds": load_seconds, "forward_seconds": forward_seconds, "check_seconds": check_seconds,
                      "total_seconds": time.perf_counter() - _STARTED, "max_abs_difference": worst, "torch": torch.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
