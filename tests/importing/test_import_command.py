"""manage.py import_recommendations, as a coordinator runs it on the real files."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.core.management.base import OutputWrapper

from recommendations.management.commands.import_recommendations import ProgressBar
from recommendations.models import Recommendation
from tests.factories import UserFactory

from .files import database_state
from .shared_data import shared_data_dir

pytestmark = pytest.mark.django_db


def command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_recommendations", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def angola_file():
    return str(shared_data_dir() / "upr-info-export" / "17-20.csv")


ANGOLA = ["--format", "upr-info", "--state", "AGO", "--cycle", "2"]


def test_the_command_imports_and_says_what_it_did():
    UserFactory(username="coordinator")

    out, _ = command(angola_file(), *ANGOLA, "--user", "coordinator")

    assert "Read 7984 row(s) of 17-20.csv (mac_roman)." in out
    assert "New reviews: AGO UPR cycle 2" in out
    assert "Imported: 224 created, 0 updated, 0 unchanged." in out
    assert Recommendation.objects.count() == 224
    latest = Recommendation.history.latest()
    assert latest.history_change_reason == "Import of 17-20.csv by coordinator"
    assert latest.history_user.username == "coordinator"


def test_the_dry_run_counts_and_writes_nothing():
    before = database_state()

    out, _ = command(angola_file(), *ANGOLA, "--dry-run")

    assert "Dry run, nothing written: 224 would be created" in out
    assert database_state() == before


def test_the_second_run_changes_nothing():
    command(angola_file(), *ANGOLA)

    out, _ = command(angola_file(), *ANGOLA)

    assert "Imported: 0 created, 0 updated, 224 unchanged." in out


def test_problems_are_listed_and_the_command_fails(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("To,Text,From,Response\nAngola,Ratify the Convention,Atlantis,Perhaps\n")
    before = database_state()

    with pytest.raises(CommandError, match=r"2 problem\(s\) found in bad\.csv"):
        command(str(bad), *ANGOLA)

    assert database_state() == before


def test_problem_lines_name_row_column_and_reason(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("To,Text,From,Response\nAngola,Ratify the Convention,Atlantis,Accepted\n")
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("import_recommendations", str(bad), *ANGOLA, stderr=err, stdout=io.StringIO())

    assert "Error: row 2, column 'From': 'Atlantis' is not a known state" in err.getvalue()


def test_progress_is_plain_counts_when_not_on_a_terminal():
    _, err = command(angola_file(), *ANGOLA)

    assert "validating: 7984/7984 rows" in err
    assert "writing: 7984/7984 rows" in err
    assert "\r" not in err


def test_progress_is_a_bar_on_a_terminal():
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    screen = Terminal()
    bar = ProgressBar(OutputWrapper(screen), tty=True)

    bar.update("validating", 500, None)
    bar.update("writing", 50, 200)
    bar.update("writing", 200, 200)
    bar.finish()

    assert screen.getvalue() == (
        "\rvalidating 500 rows"
        "\rwriting    [#######-----------------------] 50/200 rows"
        "\rwriting    [##############################] 200/200 rows"
        "\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/no/such/file.csv"], "cannot read /no/such/file.csv"),
        (["--user", "nobody"], "no user 'nobody'"),
    ],
)
def test_a_missing_file_or_user_is_an_error(args, message):
    if args[0] == "--user":
        args = [angola_file(), *ANGOLA, *args]
    with pytest.raises(CommandError, match=message):
        command(*args)


def test_the_command_imports_every_review_of_a_upr_info_export():
    out, err = command(angola_file(), "--format", "upr-info")

    assert "New reviews: AFG UPR cycle 2, AGO UPR cycle 2," in out
    assert "writing: 7984/7984 rows" in err
    created = Recommendation.objects.count()
    assert f"Imported: {created} created, 0 updated, 0 unchanged." in out


def test_the_command_imports_a_thematic_list():
    document = shared_data_dir() / "ohchr-thematic-lists"
    path = document / "UPR48-Slovenia-thematic-list-of-recommendations.docx"

    out, _ = command(str(path), "--format", "thematic-list", "--state", "SVN", "--cycle", "4")

    assert f"Read 307 row(s) of {path.name} (DOCX)." in out
    assert "Imported: 254 created, 0 updated, 0 unchanged." in out
