# Writes a LLaMA-shaped decoder for bench/streamed_weights.sh: a permeq graph JSON and its weights
# as a sharded bfloat16 safetensors checkpoint in Hugging Face's layout (model.layers.N.* names,
# nn.Linear's [out, in] matrices, "format": "pt", model.safetensors.index.json), random, from a
# seed. The graph: per layer RMSNorm, q/k/v/o projections without bias, causal attention, RMSNorm
# and a SwiGLU MLP (gate, up, SiLU, down), residuals; then a final RMSNorm and the LM head. No
# embedding: the input is the hidden states [seq, d] (a token permutation moves their rows).
#
# Usage: /usr/bin/python3 bench/make_llama_checkpoint.py OUT_DIR [LAYERS D HEADS FF VOCAB SEQ]
# Prints one JSON line: parameters, bytes on disk, shards, seconds.
import json
import math
import os
import sys
import time

import numpy as np

SHARD_BYTES = 1 << 30  # ~1 GiB per shard, as Hugging Face writes them


def main() -> int:
    out = sys.argv[1]
    layers, d, heads, ff, vocab, seq = (int(v) for v in (sys.argv[2:8] if len(sys.argv) >= 8 else (30, 2048, 16, 5632, 32000, 32)))
    head_dim = d // heads
    os.makedirs(out, exist_ok=True)
    started = time.perf_counter()

    # ---- the graph --------------------------------------------------------------------------
    params, nodes = [], []

    def param(name, shape):
        params.append({"name": name, "dtype": "float", "kind": "weight", "shape": shape})
        return name

    def node(op, name, inputs, attrs=None, scope=""):
        n = {"op": op, "name": name, "inputs": inputs, "outputs": [name], "scope": scope}
        if attrs:
            n["attrs"] = attrs
        nodes.append(n)
        return name

    x = "x"
    for i in range(layers):
        p, s = f"model/layers/{i}", f"model/layers/{i}"
        h = node("RMSNorm", f"{p}/input_layernorm", [x, param(f"{p}/input_layernorm/weight", [d])], {"axis": -1, "epsilon": 1e-5}, s)
        heads_of = {}
        for proj in ("q", "k", "v"):
            y = node("Linear", f"{p}/self_attn/{proj}_proj", [h, param(f"{p}/self_attn/{proj}_proj/weight", [d, d])], None, s + "/self_attn")
            y = node("Reshape", f"{p}/self_attn/{proj}_heads", [y], {"shape": [0, heads, head_dim]}, s + "/self_attn")
            heads_of[proj] = node("Transpose", f"{p}/self_attn/{proj}_heads_first", [y], {"perm": [1, 0, 2]}, s + "/self_attn")
        kt = node("Transpose", f"{p}/self_attn/k_t", [heads_of["k"]], {"perm": [0, 2, 1]}, s + "/self_attn")
        scores = node("MatMul", f"{p}/self_attn/scores", [heads_of["q"], kt], None, s + "/self_attn")
        scale = node("Constant", f"{p}/self_attn/scale_value", [], {"dtype": "float", "shape": [], "values": [1 / math.sqrt(head_dim)]}, s + "/self_attn")
        scores = node("Mul", f"{p}/self_attn/scaled", [scores, scale], None, s + "/self_attn")
        fill = node("Constant", f"{p}/self_attn/mask_fill", [], {"dtype": "float", "shape": ["seq", "seq"], "values": [-1e9]}, s + "/self_attn")
        mask = node("Trilu", f"{p}/self_attn/causal_mask", [fill], {"k": 1, "upper": 1}, s + "/self_attn")
        scores = node("Add", f"{p}/self_attn/masked", [scores, mask], None, s + "/self_attn")
        probs = node("Softmax", f"{p}/self_attn/softmax", [scores], {"axis": -1}, s + "/self_attn")
        mix = node("MatMul", f"{p}/self_attn/mix", [probs, heads_of["v"]], None, s + "/self_attn")
        mix = node("Transpose", f"{p}/self_attn/tokens_first", [mix], {"perm": [1, 0, 2]}, s + "/self_attn")
        mix = node("Reshape", f"{p}/self_attn/merge_heads", [mix], {"shape": [0, d]}, s + "/self_attn")
        o = node("Linear", f"{p}/self_attn/o_proj", [mix, param(f"{p}/self_attn/o_proj/weight", [d, d])], None, s + "/self_attn")
        x = node("Add", f"{p}/residual1", [x, o], None, s)
        h = node("RMSNorm", f"{p}/post_attention_layernorm", [x, param(f"{p}/post_attention_layernorm/weight", [d])], {"axis": -1, "epsilon": 1e-5}, s)
        gate = node("Linear", f"{p}/mlp/gate_proj", [h, param(f"{p}/mlp/gate_proj/weight", [d, ff])], None, s + "/mlp")
        up = node("Linear", f"{p}/mlp/up_proj", [h, param(f"{p}/mlp/up_proj/weight", [d, ff])], None, s + "/mlp")
        act = node("Silu", f"{p}/mlp/act", [gate], None, s + "/mlp")
        prod = node("Mul", f"{p}/mlp/gated", [act, up], None, s + "/mlp")
        down = node("Linear", f"{p}/mlp/down_proj", [prod, param(f"{p}/mlp/down_proj/weight", [ff, d])], None, s + "/mlp")
        x = node("Add", f"{p}/residual2", [x, down], None, s)
    x = node("RMSNorm", "model/norm", [x, param("model/norm/weight", [d])], {"axis": -1, "epsilon": 1e-5}, "model")
    logits = node("Linear", "lm_head", [x, param("lm_head/weight", [d, vocab])], None, "")
    graph = {
        "format": "permeq-graph", "version": 1, "name": "llama_shaped",
        "doc": f"LLaMA-shaped decoder: {layers} layers, d = {d}, {heads} heads, ff {ff}, vocab {vocab}, causal",
        "dims": {"seq": seq},
        "inputs": [{"name": "x", "dtype": "float", "shape": ["seq", d], "token_axis": 0}],
        "parameters": params, "nodes": nodes, "outputs": [logits],
    }
    with open(os.path.join(out, "llama.json"), "w") as f:
        json.dump(graph, f)

    # ---- the weights: bf16, [out, in] as nn.Linear stores them ------------------------------
    rng = np.random.default_rng(20240617)
    weight_map, shard, shard_bytes, shards = {}, [], 0, []
    total_params = total_bytes = 0

    def flush():
        nonlocal shard, shard_bytes
        if not shard:
            return
        name = f"model-{len(shards) + 1:05d}.safetensors"
        header, offset = {"__metadata__": {"format": "pt"}}, 0
        for tname, shape, data in shard:
            header[tname] = {"dtype": "BF16", "shape": shape, "data_offsets": [offset, offset + data.nbytes]}
            offset += data.nbytes
        text = json.dumps(header).encode()
        text += b" " * ((8 - len(text) % 8) % 8)
        with open(os.path.join(out, name), "wb") as f:
            f.write(len(text).to_bytes(8, "little"))
            f.write(text)
            for _, _, data in shard:
                data.tofile(f)
        for tname, _, _ in shard:
            weight_map[tname] = name
        shards.append(name)
        shard, shard_bytes = [], 0

    for p in params:
        name = p["name"].replace("/", ".")
        shape = list(reversed(p["shape"])) if len(p["shape"]) == 2 else p["shape"]  # [out, in]
        count = int(np.prod(shape))
        if len(shape) == 1:
            values = (1.0 + 0.1 * rng.standard_normal(count, dtype=np.float32))
        else:
            values = rng.standard_normal(count, dtype=np.float32) * np.float32(1 / math.sqrt(shape[1]))
        # bfloat16: the upper 16 bits of the float32, rounded to nearest even.
        bits = values.astype(np.float32).view(np.uint32)
        bf16 = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(np.uint16)
        if shard_bytes + bf16.nbytes > SHARD_BYTES:
            flush()
        shard.append((name, shape, bf16))
        shard_bytes += bf16.nbytes
        total_params += count
        total_bytes += bf16.nbytes
    flush()
    with open(os.path.join(out, "model.safetensors.index.json"), "w") as f:
        json.dump({"metadata": {"total_size": total_bytes}, "weight_map": weight_map}, f)
    disk = sum(os.path.getsize(os.path.join(out, s)) for s in shards)
    print(json.dumps({"parameters": total_params, "weight_bytes": total_bytes, "disk_bytes": disk, "shards": len(shards),
                      "layers": layers, "d": d, "heads": heads, "ff": ff, "vocab": vocab, "seq": seq,
                      "seconds": time.perf_counter() - started}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
