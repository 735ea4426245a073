"""The wheel carries a native library: tag it for the platform, not as pure Python.

The library has no CPython extension module (it is loaded with ctypes), so any Python 3 on the
same platform can use it: `py3-none-<platform>`.
"""
from setuptools import setup
from setuptools.dist import Distribution

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # setuptools < 70 keeps it in the wheel package
    from wheel.bdist_wheel import bdist_wheel


class NativeDistribution(Distribution):
    def has_ext_modules(self):
        return True


class PlatformWheel(bdist_wheel):
    def get_tag(self):
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(distclass=NativeDistribution, cmdclass={"bdist_wheel": PlatformWheel})
