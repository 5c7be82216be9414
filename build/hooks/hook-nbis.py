"""nbis-py (NIST MINDTCT minutiae) is a uniffi binding that loads libnbis.so with ctypes from
os.path.dirname(nbis/nbis.py). PyInstaller's import analysis does not see that file, so collect it
into the bundle's nbis/ folder, where the module looks for it."""
from PyInstaller.utils.hooks import collect_dynamic_libs

binaries = collect_dynamic_libs("nbis")
