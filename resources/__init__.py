"""Files Theo dõi reads at run time (fonts, translations, templates,
schemas, icons), a package so that importlib.resources finds them in any
kind of install."""
