"""The demo: Belarus's reviews and real first-cycle recommendations, the institutions and
engagements of the seed documents, a demo implementation history and one user per role
(``manage.py load_demo``). It uses the tracker's apps; nothing in them uses it."""
