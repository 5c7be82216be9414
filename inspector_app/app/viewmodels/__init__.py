"""View models: QObjects with signals between the screens and the packages. No widgets here."""
