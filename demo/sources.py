"""The documents the demo is drawn from (../shared/seeds), cited as what they are.

Each seed is a text copied from a public page; its citation was established by finding
that page. Where a part is not known, the citation says so in [square brackets], as a
bibliography does, rather than guess: seed 000's page gives no title of its own, and
seed 002's author and date are not stated in it (its content dates it).
"""

# key -> the Source's fields (title, publisher, published, document_symbol, url)
SOURCES = {
    # seeds/000: the UN in Belarus website's news story on the UNDP-funded mission.
    "mission": {
        "title": "[Mission of Belarusian senior officials to Washington D.C. on human rights, "
        "access to justice and the rule of law, 14–17 December 2015]",
        "publisher": "United Nations in Belarus",
        "published": "December 2015",
        "url": "https://un.by/en/un-news/in-belarus/700-en-aad26cc888d55",
    },
    # seeds/001: a statement of the United States on the Working Group of 16 December 2015,
    # as republished (the original's address is not known here).
    "working_group": {
        "title": "U.S.-Belarus Human Rights Dialogue",
        "publisher": "Imperial Valley News, republishing a statement of the United States",
        "published": "December 2015",
        "url": "https://imperialvalleynews.com/index.php/news/world-news/"
        "6873-u-s-belarus-human-rights-dialogue.html",
    },
    # seeds/002: the government's own account; it mentions August 2011 and the CESCR report
    # as still pending (considered in November 2013).
    "cooperation": {
        "title": "Belarus’ cooperation with UN human rights mechanisms",
        "publisher": "[Government of Belarus; publishing body not stated]",
        "published": "[undated; written between August 2011 and 2013]",
    },
    # seeds/003: OHCHR's country page.
    "adviser": {
        "title": "UN Human Rights in Belarus",
        "publisher": "Office of the United Nations High Commissioner for Human Rights (OHCHR)",
        "published": "last reviewed November 2020",
        "url": "https://previous.ohchr.org/EN/Countries/ENACARegion/Pages/"
        "UN-Human-Rights-in-Belarus.aspx",
    },
    # seeds/004: the OSCE Office in Minsk's page on its 2009 activities.
    "osce": {
        "title": "Human dimension activities",
        "publisher": "OSCE Office in Minsk",
        "published": "[undated; on the Office's activities in 2009]",
        "url": "https://www.osce.org/minsk/44216",
    },
}
