"""The notebooks' kernels encrypted where the installation can (cli/kernel_encryption.py),
against stand-ins for pyzmq, jupyter_client and jupyter_server so every kind of
installation is met here; the real servers are in test_lab_config.py."""

from __future__ import annotations

import sys
from types import ModuleType

import pytest
from traitlets import CaselessStrEnum, HasTraits
from traitlets.config import Config, Configurable

from exback_kit.cli.kernel_encryption import encrypt_kernels


def _setting() -> CaselessStrEnum:
    return CaselessStrEnum(["disabled", "auto", "required"], default_value="disabled",
                           config=True)


def _install(monkeypatch: pytest.MonkeyPatch, *, curve: object = True,
             client_has_it: bool = True, server_has_it: bool = True) -> type:
    """Stand-ins for the three libraries; return the server's kernel manager class."""
    client_manager = type("KernelManager", (HasTraits,),
                          {"transport_encryption": _setting()} if client_has_it else {})
    server_manager = type("MappingKernelManager", (Configurable,),
                          {"transport_encryption": _setting()} if server_has_it else {})

    def has(feature: str) -> bool:
        if isinstance(curve, Exception):
            raise curve
        return feature == "curve" and bool(curve)

    for name, attrs in (("zmq", {"has": has}),
                        ("jupyter_client.manager", {"KernelManager": client_manager}),
                        ("jupyter_server.services.kernels.kernelmanager",
                         {"MappingKernelManager": server_manager})):
        module = ModuleType(name)
        module.__dict__.update(attrs)
        monkeypatch.setitem(sys.modules, name, module)
    return server_manager


def test_kernels_default_to_auto_where_everything_can(monkeypatch):
    manager = _install(monkeypatch)
    assert encrypt_kernels() is True
    assert manager().transport_encryption == "auto"
    subclass = type("AsyncMappingKernelManager", (manager,), {})  # Voila's and Lab's own
    assert subclass().transport_encryption == "auto"


def test_a_persons_own_setting_still_wins(monkeypatch):
    manager = _install(monkeypatch)
    assert encrypt_kernels() is True
    for theirs in ("required", "disabled"):
        config = Config({"MappingKernelManager": {"transport_encryption": theirs}})
        assert manager(config=config).transport_encryption == theirs


@pytest.mark.parametrize("installation", [
    {"curve": False},  # pyzmq built without Curve
    {"client_has_it": False},  # jupyter_client before 8.9: the keyword would break Popen
    {"server_has_it": False},  # jupyter_server before 2.20
    {"curve": RuntimeError("libzmq says no")},  # anything failing: left as it was
])
def test_an_installation_that_cant_is_left_as_it_was(monkeypatch, installation):
    manager = _install(monkeypatch, **installation)
    assert encrypt_kernels() is False
    if "transport_encryption" in manager.class_traits():
        assert manager().transport_encryption == "disabled"


def test_a_missing_library_is_left_as_it_was(monkeypatch):
    monkeypatch.setitem(sys.modules, "jupyter_client.manager", None)  # import fails
    assert encrypt_kernels() is False
