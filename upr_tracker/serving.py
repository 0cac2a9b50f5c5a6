"""What an application server does once, before its first request."""

import gc


def ready_to_serve() -> None:
    """Load what most pages need (the Unicode collation tables the drop-downs sort by),
    then take everything loaded so far out of the garbage collector's rounds
    (``gc.freeze``): Django, the URL map and those tables are a quarter of a million
    objects that live as long as the process, and a full collection walked them all every
    few requests (10–15 ms of a 100 ms page at 100,000 recommendations). Objects made by
    requests are still collected as before."""
    from web.collation import collation_key

    collation_key("a")  # loads the tables
    gc.collect()  # nothing unreachable is kept for good
    gc.freeze()
