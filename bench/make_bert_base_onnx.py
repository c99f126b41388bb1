#!/usr/bin/python3
"""Builds the BERT-base-sized encoder the numeric benchmark checks, in ONNX and in PyTorch form.

nn.TransformerEncoder shaped like BERT-base (12 layers, d = 768, 12 heads, d_ff = 3072, GELU,
post-norm, no positional encodings), eval mode, random weights from torch.manual_seed(0). Writes

  OUT_DIR/bert_base.onnx   opset 14, input "x" [1, seq, 768] float32 (seq dynamic), output "y"
  OUT_DIR/bert_base.pt     the state_dict, so bench/torch_numeric_check.py loads the same weights

Usage: /usr/bin/python3 bench/make_bert_base_onnx.py [OUT_DIR]   (default build/bench)
Does nothing when both files exist and are newer than this script. Prints one JSON line with the
export time and the files' sizes. Needs Debian's python3-torch and python3-onnx (/usr/bin/python3).
"""
import json
import os
import re
import sys
import time

import torch
from torch import nn

# BERT-base by default; BERT_D, BERT_HEADS, BERT_FF and BERT_LAYERS give other shapes (BERT-large:
# 1024, 16, 4096, 24), written to an OUT_DIR of their own (scripts/gpu-check.sh).
D, HEADS, FF, LAYERS = (int(os.environ.get(f"BERT_{k}", v)) for k, v in (("D", 768), ("HEADS", 12), ("FF", 3072), ("LAYERS", 12)))
SEQ = 128


def build_model() -> nn.Module:
    """The encoder with distinct random weights in every layer (call torch.manual_seed first).

    nn.TransformerEncoder deep-copies one layer, so out of the box all 12 layers hold the same
    values, and torch.onnx.export deduplicates equal initializers: the .onnx would hold one
    layer's weights (27 MB) instead of BERT-base's 85 M parameters. So every parameter is drawn
    again: matrices Xavier-uniform, LayerNorm scales 1 + 0.1 N(0,1), biases and shifts 0.02 N(0,1).
    """
    layer = nn.TransformerEncoderLayer(D, HEADS, FF, dropout=0.1, activation="gelu", batch_first=True)
    model = nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if p.dim() > 1:
                nn.init.xavier_uniform_(p)
            elif re.search(r"norm\d\.weight$", name):
                p.copy_(1 + 0.1 * torch.randn_like(p))
            else:
                p.copy_(0.02 * torch.randn_like(p))
    return model


def up_to_date(paths) -> bool:
    script_time = os.path.getmtime(os.path.abspath(__file__))
    return all(os.path.exists(p) and os.path.getmtime(p) > script_time for p in paths)


def main() -> int:
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "build/bench"
    onnx_path = os.path.join(out_dir, "bert_base.onnx")
    pt_path = os.path.join(out_dir, "bert_base.pt")
    if up_to_date((onnx_path, pt_path)):
        print(json.dumps({"skipped": True, "onnx": onnx_path, "pt": pt_path}))
        return 0
    os.makedirs(out_dir, exist_ok=True)

    started = time.perf_counter()
    torch.manual_seed(0)
    model = build_model()
    built = time.perf_counter()
    torch.save(model.state_dict(), pt_path + ".tmp")
    x = torch.randn(1, SEQ, D, dtype=torch.float32)
    # Write to a temporary name first so an interrupted export never looks up to date.
    torch.onnx.export(model, (x,), onnx_path + ".tmp", opset_version=14, input_names=["x"],
                      output_names=["y"], dynamic_axes={"x": {1: "seq"}}, do_constant_folding=True)
    exported = time.perf_counter()
    os.replace(pt_path + ".tmp", pt_path)
    os.replace(onnx_path + ".tmp", onnx_path)
    print(json.dumps({"skipped": False, "onnx": onnx_path, "pt": pt_path,
                      "build_seconds": round(built - started, 3),
                      "export_seconds": round(exported - built, 3),
                      "onnx_mb": round(os.path.getsize(onnx_path) / 2**20, 1),
                      "pt_mb": round(os.path.getsize(pt_path) / 2**20, 1)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
