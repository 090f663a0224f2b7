"""The native scanner (native/scan/*.c), built when a C compiler is at hand (`optional`):
without one, the install goes on and every record is read on the exact, pure-Python path."""

from glob import glob

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "csvlint.reader._scan",
            sorted(glob("native/scan/*.c")),
            depends=sorted(glob("native/scan/*.h")),
            include_dirs=["native/scan"],
            optional=True,
            extra_compile_args=["-O3", "-fvisibility=hidden"],
        )
    ]
)
