"""Each display rule of the templates has one definition: a filter name is defined by
one of the tracker's template libraries, whichever template loads it."""

from django.template import Context, Template, engines

FIRST_PARTY = ("web.", "recommendations.", "missions.", "workspace.", "api_tokens.", "demo.")


def test_each_template_filter_has_one_definition():
    engine = engines["django"].engine
    ours = [name for name, module in engine.libraries.items() if module.startswith(FIRST_PARTY)]
    defined_in: dict[str, list[str]] = {}
    for name in ours:
        for filter_name in engine.template_libraries[name].filters:
            defined_in.setdefault(filter_name, []).append(name)

    assert {name: where for name, where in defined_in.items() if len(where) > 1} == {}


def test_a_status_reads_as_people_say_it_and_none_yet_is_not_started():
    template = Template("{% load tracker %}{{ status|status_label }}")

    def shown(status):
        return template.render(Context({"status": status}))

    assert shown("partially_implemented") == "Partially implemented"
    assert shown(None) == shown("") == "Not started"
    assert shown("something else") == "something else"
