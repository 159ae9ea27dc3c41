from setuptools import find_packages, setup

from thi_dua_app import __version__ as version

setup(
	name="thi_dua_app",
	version=version,
	description="Emulation and commendation (thi đua – khen thưởng) for Vietnamese public agencies",
	author="thi_dua_app developers",
	author_email="dev@thi-dua.invalid",
	packages=find_packages(),
	zip_safe=False,
	include_package_data=True,
	install_requires=["python-docx>=1.1"],
)
