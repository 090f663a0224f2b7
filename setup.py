"""The native scanner, built when a C compiler is at hand (`optional`): without one, the install
goes on and every record is read on the exact, pure-Python path."""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "csvlint.reader._scan",
            ["csvlint/reader/_scan.c"],
            optional=True,
            extra_compile_args=["-O2"],
        )
    ]
)
