"""The booth's application layer, Qt-free: one wiring from settings (``BoothContext``) and one
examination workflow (``Examination``) that the window, the command line and the tests all drive."""
