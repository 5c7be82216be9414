"""face_recognition_models ships its four dlib models (.dat) as package data and finds them with
pkg_resources.resource_filename at import time. PyInstaller only follows imports, so without this
hook the bundle starts and then dies on the first face call with a missing .dat file."""
from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("face_recognition_models")
# it imports pkg_resources (setuptools<82) to locate the models
hiddenimports = ["pkg_resources"]
