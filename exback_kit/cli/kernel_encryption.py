"""The notebooks' kernels encrypted: CurveZMQ keys for each, where the installation can.

Run in a Jupyter server's process before it starts (:data:`exback_kit.cli.lab_config.
ENCRYPTED_KERNELS`), for `exback lab` and `exback app` alike. Without it a kernel listens
on 127.0.0.1 in plain text: any process on the computer can subscribe to what it sends
(everything the notebooks show), and ipykernel 7.3 and later says so in the person's
terminal ("Kernel is running over TCP without encryption … susceptible to eavesdropping").
With it, only a process that holds the keys in the kernel's connection file (mode 0600,
the person's own) can connect.

"auto" gives keys to a kernel whose kernelspec says it supports them (ipykernel 7.3 and
later). It becomes jupyter_server's *default*, so a person's own setting still wins
("required", "disabled"). Nothing changes where pyzmq lacks Curve, where jupyter_server
(2.20 and later) or jupyter_client (8.9 and later) lacks the setting, or where anything
here fails: the server then starts, and its kernels run, as before.
"""

from __future__ import annotations

SETTING = "transport_encryption"


def can_encrypt() -> bool:
    """Return True when this installation can give kernels Curve keys: pyzmq has Curve,
    and jupyter_client and jupyter_server both have the setting."""
    try:
        import zmq
        from jupyter_client.manager import KernelManager
        from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

        return bool(zmq.has("curve")) and all(
            SETTING in manager.class_traits() for manager in (KernelManager, MappingKernelManager))
    except Exception:  # an installation this doesn't know: its kernels as they were
        return False


def encrypt_kernels() -> bool:
    """Make "auto" the default transport encryption of the server's kernels; return True
    when it is (False: this installation's kernels run as before)."""
    if not can_encrypt():
        return False
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager

    MappingKernelManager.class_traits()[SETTING].default_value = "auto"
    return True
