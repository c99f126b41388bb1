"""The scripts in examples/python run and print what they promise (the pytest example file is
collected with this suite)."""
import os
import subprocess
import sys

from conftest import SOURCE_DIR


def run(script):
    completed = subprocess.run([sys.executable, str(SOURCE_DIR / "examples" / "python" / script)], capture_output=True, text=True,
                               env=dict(os.environ), timeout=300)
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_check_module_example():
    out = run("check_module.py")
    assert "learned positions: False: equivariant, proved: True (proved for all n, all widths" in out
    assert "learned positions: True: breaks" in out
    assert "reading parameter 'pos_embedding'" in out


def test_permute_and_reload_example():
    out = run("permute_and_reload.py")
    assert "hidden units" in out
    assert "largest output difference" in out
